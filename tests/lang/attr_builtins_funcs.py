class C:
    x = 1
c = C()
print(getattr(c, "x"), getattr(c, "y", None), hasattr(c, "x"), hasattr(c, "y"))
setattr(c, "y", 2)
print(c.y, getattr(c, "y"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    getattr(c, "y")
except AttributeError:
    print("AttributeError")
print(getattr(5, "real"), getattr("a", "upper")(), hasattr([], "append"), hasattr(None, "x"))
try:
    getattr(c, 1)
except TypeError:
    print("TypeError")
