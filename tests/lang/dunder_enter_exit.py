class Res:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Res("a") as v:
    print("body", v)
with Res("b", True):
    raise ValueError("hidden")
try:
    with Res("c"):
        raise KeyError("shown")
except KeyError as e:
    print("caught", e)
with Res("x") as x, Res("y") as y:
    print(x, y)
def f():
    with Res("r"):
        return "returned"
print(f())
for i in range(2):
    with Res("loop%d" % i):
        continue
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError):
    print("missing __exit__")
