class R:
    @property
    def v(self):
        return 1
r = R()
try:
    r.v = 2
except AttributeError:
    print("AttributeError set")
try:
    del r.v
except AttributeError:
    print("AttributeError del")
class W:
    v = property(None, lambda self, x: None)
try:
    W().v
except AttributeError:
    print("AttributeError get")
class E:
    @property
    def bad(self):
        raise KeyError("inside")
try:
    E().bad
except KeyError as e:
    print("KeyError", e)
print(hasattr(W(), "v"))
