class D(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
d = D(a=1)
print(d["a"], d["b"], len(d), d, "b" in d, d.get("b"))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(sorted(c.items()))
class M(dict):
    def __missing__(self, key):
        self[key] = len(self)
        return self[key]
m = M()
print(m["x"], m["y"], m["x"], m)
class N(dict):
    pass
try:
    N()["q"]
except KeyError as e:
    print("KeyError", e)
