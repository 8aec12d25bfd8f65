class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with CM("a") as v:
    print("v", v)
with CM("s", True):
    raise KeyError("swallowed")
try:
    with CM("p"):
        raise ValueError("passes")
except ValueError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print(x, y)
def f():
    with CM("r"):
        return "returned"
print(f())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        break
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print(e, repr(e.__context__))
