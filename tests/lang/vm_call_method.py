class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n, m=0):
        return self.v + n + m
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, x):
        return cls.__name__, x
a = A(5)
print(a.get(), a.add(1), a.add(1, m=2), a.add(n=3))
print(a.s(4), A.s(5), a.c(1), A.c(2))
m = a.get
print(m())
a.f = lambda: "instance attr"
print(a.f())
l = []
l.append(1)
l.extend([2, 3])
print(l, "x,y".split(","), " s ".strip())
print("abc".upper().lower().title())
print(A.get(a))
try:
    a.missing()
except AttributeError as e:
    print("AttributeError")
