print(None, repr(None), type(None).__name__, None is None, bool(None))
print(NotImplemented, type(NotImplemented).__name__)
print(Ellipsis, ..., ... is Ellipsis, type(...).__name__, repr(...))
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
print(hash(None) == hash(None), None == None, None != 0, {None: 1, ...: 2}[...])
n = None
try:
    n()
except TypeError as e:
    print("TypeError", e)
try:
    type(None)(1)
except TypeError:
    print("TypeError arg")
