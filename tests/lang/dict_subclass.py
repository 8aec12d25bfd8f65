class E(dict):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.extra = True
e = E({"x": 1}, y=2)
print(e, e.extra, isinstance(e, dict), list(e.keys()), e["x"])
e["z"] = 3
del e["x"]
print(e, len(e), dict(e), e == {"y": 2, "z": 3})
class F(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
f = F(a=5)
print(f["a"], f.get("a"))
try:
    E()["nope"]
except KeyError as err:
    print("KeyError", err)
