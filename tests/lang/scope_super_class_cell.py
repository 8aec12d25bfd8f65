class A:
    def who(self):
        return "A"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
class B(A):
    def who(self):
        return "B>" + super().who()
    @classmethod
    def cm(cls):
        return "B.cm>" + super().cm()
    def cls_name(self):
        return __class__.__name__
class C(B):
    def who(self):
        return "C>" + super().who()
    def lam(self):
        f = lambda: super(C, self).who()
        return f()
print(C().who(), C.cm(), C().cls_name(), C().lam())
class D(A):
    def __init__(self, *args):
        super().__init__()
        self.args = args
print(D(1, 2).args)
class E(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
e = E()
e["a"] = 2
print(e)
