d = {}
print(d, len(d), type(d).__name__, bool(d))
d = {"a": 1, "b": 2, 3: "c", (4, 5): [6]}
print(d, len(d), d["a"], d[3], d[4, 5])
d["a"] = 10
d["new"] = None
print(d)
del d["b"]
print(d, "b" in d, "a" in d, 3 not in d)
for k in ("zz", (1, 2), 99):
    try:
        d[k]
    except KeyError as e:
        print("KeyError", e, repr(e))
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    [1] in d
except TypeError as e:
    print("TypeError", e)
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
d = {"x": 1, "x": 2}
print(d)
print({i: i * i for i in range(5)}, {**{"a": 1}, "b": 2, **{"a": 3}})
