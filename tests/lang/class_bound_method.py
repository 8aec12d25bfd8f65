class A:
    def f(self, x=1):
        return x * 10
a, b = A(), A()
m = a.f
print(m(), m(2), m.__self__ is a, m.__func__ is A.f, m.__name__)
print(a.f == a.f, a.f == b.f, a.f != b.f, a.f is a.f)
print(hash(a.f) == hash(a.f))
print(A.f(a, 3), type(m).__name__, type(A.f).__name__)
ms = [a.f, b.f]
print([g(5) for g in ms])
print(repr(m).startswith("<bound method A.f of <__main__.A object at "))
