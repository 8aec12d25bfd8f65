d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3), ["d", 4]])
d.update(e=5, f=6)
d.update({"a": 0}, g=7)
d.update()
d.update(((x, x) for x in range(2)))
d.update(zip("xy", (8, 9)))
print(d)
class Mapping:
    def keys(self):
        return ["m", "n"]
    def __getitem__(self, k):
        return k * 2
d.update(Mapping())
print(d)
for bad in ([(1, 2, 3)], [(1,)], [1], 5, ["ab", "abc"]):
    try:
        d.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    d.update({}, {})
except TypeError:
    print("TypeError")
d2 = {1: 1}
d2.update(d2)
print(d2)
print(dict(a=1, b=2), dict({"x": 1}, y=2), dict([(1, 2)]), dict(), dict(Mapping()), dict(zip("ab", "cd")))
try:
    dict(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
x = {1: 2}
y = dict(x)
y[3] = 4
print(x, y)
