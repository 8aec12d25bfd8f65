class C:
    x = 1
    def __init__(self):
        self.y = 2
    @property
    def p(self):
        raise AttributeError("no p")
    @property
    def q(self):
        raise ValueError("bad q")
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "dflt"), getattr(c, "p", "fromprop"), getattr(C, "x"))
print(hasattr(c, "x"), hasattr(c, "z"), hasattr(c, "p"), hasattr(1, "real"), hasattr([], "append"), hasattr([], "nope"))
try:
    getattr(c, "z")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(c, "q", None)
except ValueError as e:
    print("ValueError", e)
try:
    hasattr(c, "q")
except ValueError as e:
    print("ValueError", e)
for bad in (1, None, b"x"):
    try:
        getattr(c, bad)
    except TypeError as e:
        print("TypeError", e)
setattr(c, "z", 3)
print(c.z, getattr(c, "z"))
delattr(c, "z")
print(hasattr(c, "z"))
try:
    delattr(c, "z")
except AttributeError:
    print("AttributeError")
try:
    setattr(1, "x", 2)
except AttributeError:
    print("AttributeError")
try:
    setattr(c, 5, 2)
except TypeError as e:
    print("TypeError", e)
print(getattr("abc", "upper")(), getattr(C, "nope", 0))
class G:
    def __getattr__(self, name):
        if name == "magic":
            return 42
        raise AttributeError(name)
print(getattr(G(), "magic"), getattr(G(), "other", "x"), hasattr(G(), "magic"), hasattr(G(), "other"))
