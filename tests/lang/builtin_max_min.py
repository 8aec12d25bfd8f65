print(max([1, 5, 3]), min([4, 2, 8]), max(1, 5, 3), min(4, 2, 8), max("abc"), min("abc"), max((2.5, 1)), min([-1, -5]))
print(max([1, 2], key=lambda x: -x), min("bca", key=ord), max(["aa", "b", "ccc"], key=len), min(["aa", "b", "cc"], key=len))
print(max([], default=0), min([], default=None), max([1], default=5), max([3, 1], key=None))
print(max(1, 2.5), min(2**70, -2**70, 3), max([1, True]), max([True, 1]), min([0, False]), min([False, 0]))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]), max(range(10)), min(iter([5, 3])))
print(max(["b", "a", "c"], key=str.upper), max([3, 1, 3, 2], key=lambda x: 0))
for f in (max, min):
    try:
        f([])
    except ValueError as e:
        print("ValueError", e)
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
    try:
        f(1)
    except TypeError as e:
        print("TypeError", e)
    try:
        f(1, 2, default=3)
    except TypeError as e:
        print("TypeError", e)
    try:
        f([1, "a"])
    except TypeError as e:
        print("TypeError", e)
    try:
        f([1], foo=2)
    except TypeError:
        print("TypeError")
    try:
        f([1, 2], key=5)
    except TypeError:
        print("TypeError")
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "V(%d)" % self.v
print(max([V(1), V(3), V(2)]), min([V(1), V(3), V(0)]), max(V(1), V(1)))
