def f(a, b=2):
    pass
print(f.__name__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
class C:
    def m(self):
        pass
print(C.m.__name__, C.m.__qualname__)
f.custom = 5
print(f.custom)
print(f.__defaults__)
print(callable(f), type(f).__name__)
print((lambda: 0).__name__)
print(f == f, f != outer)
print(f.__module__)
print(repr(f).startswith("<function f at"))
