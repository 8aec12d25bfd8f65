class C:
    pass
c = C()
C.greet = lambda self, who: "hi " + who
print(c.greet("bob"))
def area(self):
    return self.w * self.h
C.area = area
c.w, c.h = 2, 3
print(c.area())
C.limit = 10
print(c.limit, hasattr(c, "limit"))
del C.limit
print(hasattr(c, "limit"))
try:
    del C.limit
except AttributeError:
    print("AttributeError")
setattr(C, "dyn", 5)
print(getattr(c, "dyn"), C.__dict__["dyn"])
C.__repr__ = lambda self: "<C>"
print(c, repr(c))
