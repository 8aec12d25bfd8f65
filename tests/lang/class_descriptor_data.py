class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("bad type")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class Rec:
    n = Typed(int)
    s = Typed(str)
r = Rec()
r.n = 3
r.s = "x"
print(r.n, r.s, sorted(r.__dict__))
try:
    r.n = "no"
except TypeError as e:
    print("TypeError", e)
del r.n
print(type(Rec.n).__name__, Rec.s.name)
r.__dict__["n"] = 99
print(r.n)
