def g(a, b=2, *rest, k=3, **kw):
    yield a
    yield b
    yield rest
    yield k
    yield sorted(kw)
print(list(g(1)))
print(list(g(1, 5, 6, 7, k=0, z=1)))
try:
    g()
except TypeError as e:
    print(e)
def h(x):
    def inner():
        yield x * 2
    return inner()
print(list(h(4)))
