class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, object), isinstance(b, (C, A)), isinstance(b, (C, (int, B))))
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("s", str), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set), isinstance(range(1), range))
print(isinstance(int, type), isinstance(A, type), isinstance(type, type), isinstance(b, ()), isinstance(ValueError(), Exception))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(int, object), issubclass(A, A), issubclass(KeyError, LookupError))
for bad in (1, "x", (int, 1), [int]):
    try:
        isinstance(1, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(int, 1)
except TypeError as e:
    print("TypeError", e)
print(isinstance(1, (str, (bytes, (int,)))), issubclass(type, object))
