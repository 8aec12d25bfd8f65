def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(next(g, "default"))
def empty():
    return
    yield
print(list(empty()))
g = count(3)
print(iter(g) is g)
for v in count(3):
    print("v", v)
print(sum(x * x for x in range(5)))
print(type(count(1)).__name__)
