l = [3, "a", 1]
try:
    l.sort()
except TypeError as e:
    print("TypeError", e)
print(sorted(l, key=str))
print(len(l), sorted(l, key=lambda x: str(x)) )
def bad(x):
    if x == 2:
        raise ValueError("bad key")
    return x
l = [3, 2, 1]
try:
    l.sort(key=bad)
except ValueError as e:
    print("ValueError", e)
print(l)
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 5 or other.v == 5:
            raise RuntimeError("cmp")
        return self.v < other.v
    def __repr__(self):
        return str(self.v)
l = [C(i) for i in (9, 3, 5, 1, 7, 2, 8, 4, 6, 0) * 4]
try:
    l.sort()
except RuntimeError as e:
    print("RuntimeError", e)
print(len(l), sorted(x.v for x in l) == sorted(list(range(10)) * 4))
l = [3, 1, 2]
def mod(x):
    l.append(x)
    return x
try:
    l.sort(key=mod)
except ValueError as e:
    print("ValueError", e)
class M:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        lst.append(1)
        return self.v < other.v
lst = [M(2), M(1), M(3)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([{1}, {2}, 3])
except TypeError as e:
    print("TypeError")
