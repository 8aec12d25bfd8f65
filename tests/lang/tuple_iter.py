t = (1, 2, 3)
it = iter(t)
print(type(it).__name__)
print(next(it), next(it), list(it), list(it))
for x in t:
    print(x, end=" ")
print()
print(list(t), sorted((3, 1, 2)), sum((1, 2, 3)), min(t), max(t))
print([x for x in t if x > 1])
it = iter(t)
print(iter(it) is it)
print(list(zip(t, t[1:])))
class T(tuple):
    pass
x = T((1, 2))
print(x, len(x), x[1], x + (3,), isinstance(x, tuple), list(x))
