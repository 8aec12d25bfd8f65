def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(*, a, b=2):
    return a, b
print(h(a=1))
try:
    h(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(e)
