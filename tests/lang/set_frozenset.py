f = frozenset([3, 1, 2, 3])
print(f, len(f), type(f).__name__, 1 in f, frozenset(), frozenset("aa"))
print(hash(f) == hash(frozenset({1, 2, 3})), hash(frozenset()) == hash(frozenset([])))
d = {f: "x", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(f.union([4]), f.intersection([1]), f.difference([1]), f.symmetric_difference([1, 9]))
print(f.issubset([1, 2, 3, 4]), f.issuperset([1]), f.isdisjoint([0]), f.copy() is f)
for m in ("add", "remove", "discard", "pop", "clear", "update"):
    print(m, hasattr(f, m))
try:
    f.add(1)
except AttributeError:
    print("AttributeError")
g = f
g |= {10}
print(g, f, g is f)
print(frozenset(f) is f, frozenset({1: 2}))
print({1, 2} in {frozenset({1, 2})}, {1} in [frozenset({1})])
s = {frozenset({1, 2}), 3}
s.remove({1, 2})
print(s)
s.discard({3})
print(frozenset({frozenset({1})}))
