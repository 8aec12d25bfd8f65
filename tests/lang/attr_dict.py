class A:
    cls_attr = 1
    def __init__(self):
        self.a = 1
a = A()
print(a.__dict__)
a.__dict__["b"] = 2
print(a.b, sorted(vars(a)))
a.__dict__.update(c=3, d=4)
print(a.c, a.d, len(a.__dict__))
del a.__dict__["a"]
print(hasattr(a, "a"), "cls_attr" in a.__dict__, "cls_attr" in A.__dict__)
d = a.__dict__
a.e = 5
print(d["e"], d is a.__dict__ or d == a.__dict__)
for i in range(20):
    setattr(a, "f%d" % i, i)
print(len(vars(a)), a.f19, d["f7"])
print(type(a.__dict__).__name__, isinstance(a.__dict__, dict))
