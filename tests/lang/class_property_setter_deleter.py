class Box:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the value"
        return self._v
    @v.setter
    def v(self, x):
        if x < 0:
            raise ValueError("negative")
        self._v = x
    @v.deleter
    def v(self):
        print("deleting")
        self._v = None
b = Box()
b.v = 5
print(b.v)
try:
    b.v = -1
except ValueError as e:
    print("ValueError", e)
del b.v
print(b.v)
class P:
    def get(self): return self._x
    def set(self, v): self._x = v * 2
    x = property(get, set, None, "doc of x")
p = P()
p.x = 4
print(p.x, P.x.__doc__, P.x.fset is P.set, P.x.fdel)
