x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def f():
    n = 5
    return list(i * n for i in range(3))
print(f())
class C:
    items = [1, 2, 3]
    total = sum(i for i in items)
print(C.total)
try:
    gen = (undefined_thing for _ in range(1))
    print("created lazily")
    list(gen)
except NameError:
    print("NameError on iteration")
try:
    (z for z in 5)
except TypeError:
    print("first iterable evaluated eagerly")
