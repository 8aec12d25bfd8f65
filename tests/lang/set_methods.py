a = {1, 2, 3}
print(a.union([3, 4], (5,), "x" and [6]), a.union(), a.intersection([2, 3, 9]), a.intersection({1}, {1, 2}))
print(a.difference([1]), a.difference(), a.difference({1}, [2]), a.symmetric_difference([3, 4]))
print(a.issubset([1, 2, 3, 4]), a.issubset({1}), a.issuperset([1]), a.issuperset({1, 9}), a.isdisjoint([4, 5]), a.isdisjoint({3}))
print(a.issubset(range(5)), a.issuperset(range(2)), a.isdisjoint(iter([7])))
b = a.copy()
b.add(4)
print(a, b, b is a)
b.update([5], {6}, range(7, 9))
print(b)
b.intersection_update([1, 2, 5, 6, 100])
print(b)
b.intersection_update({1, 2, 5}, [5, 1])
print(b)
b.difference_update([1], {99})
print(b)
b.symmetric_difference_update([5, 6, 7])
print(b)
b.update()
print(b, b.pop() in {6, 7}, len(b))
print(b.union(b), b.intersection(b), b.difference(b), b.symmetric_difference(b))
b.difference_update(b)
print(b)
s = {1, 2}
s.symmetric_difference_update(s)
print(s)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    a.union(5)
except TypeError as e:
    print("TypeError", e)
try:
    a.issubset(5)
except TypeError as e:
    print("TypeError", e)
r = [a.add(x) for x in (7, 8)]
print(r, a)
