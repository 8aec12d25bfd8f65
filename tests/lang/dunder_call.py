class F:
    def __call__(self, *args, **kw):
        return args, sorted(kw.items())
f = F()
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], **{"b": 4}))
class Chain:
    def __init__(self): self.calls = 0
    def __call__(self):
        self.calls += 1
        return self
c = Chain()
print(c()()().calls)
class Inst:
    pass
i = Inst()
i.__call__ = lambda: "instance attr"
try:
    i()
except TypeError:
    print("TypeError")
print(i.__call__())
