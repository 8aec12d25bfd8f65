class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, objtype=None):
        return (self.v, obj is None, objtype.__name__)
class C:
    k = Const(7)
c = C()
print(c.k, C.k)
c.k = "shadow"
print(c.k)
del c.k
print(c.k)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class D:
    @Method
    def hello(self, x):
        return "hello %s" % x
print(D().hello(1))
