d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i, "a" in i, 5 in v)
print(list(k), list(v), list(i), sorted(k), type(k).__name__, type(v).__name__, type(i).__name__)
d["d"] = 4
print(k, v, i, len(k))
del d["a"]
print(list(k))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(bool({}.keys()), bool(k))
for key, val in d.items():
    print(key, val)
print({}.keys(), {}.values(), {}.items())
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
it = iter(i)
print(type(it).__name__, next(it))
print(k == {"b", "c", "d"}, k == ["b", "c", "d"], i == {("b", 2), ("c", 3), ("d", 4)})
print(k.isdisjoint({"x"}), k.isdisjoint(["b"]), i.isdisjoint([("b", 2)]))
