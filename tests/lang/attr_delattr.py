class D:
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
d = D()
d.a = 1
del d.a
print(hasattr(d, "a"))
try:
    del d.b
except AttributeError:
    print("AttributeError")
class E:
    pass
e = E()
e.x = 1
delattr(e, "x")
print(hasattr(e, "x"))
try:
    delattr(e, "x")
except AttributeError:
    print("AttributeError 2")
