class A:
    def f(self): return "A.f"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
    @staticmethod
    def sm(): return "A.sm"
class B(A):
    def f(self): return "B.f>" + super().f()
    def g(self): return super(B, self).f()
    @classmethod
    def cm(cls): return "B.cm>" + super().cm()
    def h(self): return super().sm()
class C(B):
    def f(self): return "C.f>" + super(B, self).f()
print(B().f(), B().g(), B.cm(), B().cm(), B().h())
print(C().f(), C.cm())
print(super(B, B()).f(), super(C, C).cm())
s = super(B, B())
print(type(s).__name__)
try:
    super(B, 5)
except TypeError:
    print("TypeError")
try:
    super().f
except RuntimeError:
    print("RuntimeError")
