l = [1, 2, 3]
it = iter(l)
print(type(it).__name__, next(it))
l.append(4)
print(list(it))
l = [1, 2, 3]
for x in l:
    if x == 2:
        l.append(99)
    if len(l) > 5:
        break
print(l)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print(l)
print([x * 2 for x in [1, 2, 3]], [y for x in [[1, 2], [3]] for y in x])
i = iter([])
try:
    next(i)
except StopIteration:
    print("StopIteration")
print(list(reversed([1, 2, 3])), type(reversed([])).__name__)
it = reversed([1, 2, 3])
print(next(it))
