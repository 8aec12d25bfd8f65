class A:
    def m(self):
        return "A.m"
    v = 1
class B(A):
    pass
b = B()
for i in range(3):
    print(b.m(), b.v, B.v)
A.m = lambda self: "new A.m"
A.v = 2
print(b.m(), b.v, B.v)
B.m = lambda self: "B.m"
print(b.m(), A().m())
del B.m
print(b.m())
del A.v
print(hasattr(b, "v"), hasattr(B, "v"))
A.__dict__
A.w = 5
print(b.w)
class C:
    pass
c1, c2 = C(), C()
print(c1 == c2)
C.__eq__ = lambda self, o: True
print(c1 == c2)
C.__repr__ = lambda self: "C!"
print(repr(c1), [c2])
C.__len__ = lambda self: 3
print(len(c1))
