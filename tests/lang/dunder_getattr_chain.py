class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(2))
try:
    p.nothing
except AttributeError as e:
    print("AttributeError", e)
class Fallback:
    x = 1
    def __getattr__(self, name):
        return "missing:" + name
f = Fallback()
print(f.x, f.y, getattr(f, "z"), hasattr(f, "anything"))
