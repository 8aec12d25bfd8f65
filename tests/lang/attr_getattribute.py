class Spy:
    def __init__(self):
        self.log = []
        self.val = 5
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
s = Spy()
print(s.val, s.log)
s.val
try:
    s.nope
except AttributeError:
    print("AttributeError")
print(s.log)
class Both:
    def __getattribute__(self, name):
        if name == "special":
            return "from getattribute"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "from getattr " + name
b = Both()
print(b.special, b.other)
