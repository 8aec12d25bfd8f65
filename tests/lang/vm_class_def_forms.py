class A:
    pass
class B(A):
    x = 1
class C(A, object):
    pass
print(B.__bases__[0].__name__, C.__mro__[1].__name__, issubclass(B, A))
bases = (B,)
class D(*bases):
    pass
print(D.x, D.__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class E(metaclass=Meta):
    pass
print(E.made_by)
def make(name):
    class Local:
        def who(self):
            return name
    return Local
print(make("z")().who(), make("z").__qualname__)
class F:
    """doc"""
    a, b = 1, 2
    for i in range(3):
        pass
    if a:
        c = "yes"
print(F.a, F.b, F.i, F.c)
