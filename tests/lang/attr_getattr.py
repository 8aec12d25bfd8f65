class Lazy:
    def __init__(self):
        self.loaded = {}
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        v = name * 2
        self.__dict__[name] = v
        return v
l = Lazy()
print(l.ab, l.__dict__, l.loaded)
print(hasattr(l, "_hidden"), getattr(l, "_x", "default"))
try:
    l._private
except AttributeError as e:
    print("AttributeError", e)
class Sub(Lazy):
    pass
print(Sub().xy)
