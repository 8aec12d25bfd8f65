l = [5, 2, 8, 1, 9, 3]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
print(sorted([3, 1, 2]), sorted("banana"), sorted((2.5, 1, -3)), sorted([]), sorted([1]))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a"], key=str.lower))
print(sorted({3: 1, 1: 2}), sorted({5, 1, 3}), sorted(range(5, 0, -1)))
print(sorted([1, 2**70, -2**65, 0, 2.5]))
print(sorted(["abc", "ab", "b", "", "a\u00e9", "a\U0001f600", "az"]))
r = [3, 1, 2]
print(r.sort(), r)
try:
    sorted()
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], [2])
except TypeError:
    print("TypeError")
try:
    [1].sort(1)
except TypeError:
    print("TypeError")
try:
    sorted([1], cmp=1)
except TypeError:
    print("TypeError")
print(sorted([3, 1, 2], reverse=1), sorted([3, 1, 2], key=None))
