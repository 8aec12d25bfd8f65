d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 0))
print(d.setdefault("a", 5), d.setdefault("c", 3), d.setdefault("d"), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d.popitem(), d)
d.clear()
print(d)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
d = {1: 2}
c = d.copy()
c[3] = 4
print(d, c, c is d)
try:
    d.get()
except TypeError:
    print("TypeError")
try:
    d.get(1, 2, 3)
except TypeError:
    print("TypeError")
try:
    d.get([1])
except TypeError as e:
    print("TypeError", e)
d = {}
for i in range(20):
    d[i] = i
out = []
while d:
    out.append(d.popitem()[0])
print(out)
