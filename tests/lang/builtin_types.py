for t in (bool, bytearray, bytes, complex, dict, enumerate, filter, float, frozenset, int, list, map, object, range, reversed, set, slice, str, tuple, type, zip, memoryview, property, staticmethod, classmethod, super):
    print(t.__name__, type(t) is type, isinstance(t, type))
print(type(1) is int, type("") is str, type([]) is list, type({}) is dict, type(()) is tuple, type(set()) is set)
print(type(enumerate([])) is enumerate, type(zip()) is zip, type(map(abs, [])) is map, type(filter(None, [])) is filter, type(reversed(range(1))).__name__)
print(list.__name__, dict.__name__)
print(isinstance(reversed([]), reversed), isinstance(reversed(range(2)), reversed))
