class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)
l = Logged()
l.x = 3
print(l.x, l.__dict__)
setattr(l, "y", 1)
print(l.y)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError("frozen")
f = Frozen(1)
print(f.v)
try:
    f.v = 2
except AttributeError as e:
    print("AttributeError", e)
class Inherit(Logged):
    pass
Inherit().z = 5
