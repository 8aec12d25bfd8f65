class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.c, t.f)
t._c = 0
print(t.c, t.f)
print(type(Temp.c).__name__, Temp.c.fget(t))
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, Lazy.calls)
