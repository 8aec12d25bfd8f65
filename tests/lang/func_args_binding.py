def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, 2, d=4))
print(f(1, 2, 30, 40, 50, d=4, e=6, z=7))
print(f(b=2, a=1, d=0))
def g(x, /, y, *, z):
    return x, y, z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*, k=1):
    return k
print(h(), h(k=2))
def v(*a):
    return a
print(v(), v(1), v(*range(3)))
def kw(**k):
    return sorted(k)
print(kw(), kw(a=1, b=2))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print(f.__defaults__, h.__kwdefaults__)
