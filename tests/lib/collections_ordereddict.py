from collections import OrderedDict
d = OrderedDict()
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d, list(d), list(d.items()), d["a"], len(d), isinstance(d, dict))
d.move_to_end("b")
print(list(d))
d.move_to_end("b", last=False)
print(list(d))
print(d.popitem(), d.popitem(last=False), d)
print(OrderedDict([("x", 1), ("y", 2)]), OrderedDict(), OrderedDict(a=1) == {"a": 1})
try:
    d.move_to_end("zz")
except KeyError:
    print("KeyError")
