print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("cba", key=None, reverse=False))
print(sorted(["bb", "a", "ccc"], key=len), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(sorted(range(10), key=lambda x: (x % 3, -x)), sorted([], key=len), sorted((x for x in [2, 1])))
l = [2, 1]
s = sorted(l)
print(s is l, l, s)
try:
    sorted([1, 2], lambda x: x)
except TypeError:
    print("TypeError")
try:
    sorted(iterable=[1])
except TypeError:
    print("TypeError")
try:
    sorted(5)
except TypeError as e:
    print("TypeError", e)
print(sorted([1.5, 1, True, 0.5, -1]), sorted([[2, 1], [1, 9], [1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted("hello world".split(), key=str.upper, reverse=True))
