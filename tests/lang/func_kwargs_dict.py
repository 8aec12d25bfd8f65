def f(**kw):
    return kw
print(f(a=1, b=2))
d = f(x=1)
d["y"] = 2
print(d, f())
def g(a, **kw):
    return a, sorted(kw.items())
print(g(1, a2=2, b=3))
print(g(a=5))
opts = {"a": 1, "z": 26}
print(g(**opts))
def h(*args, sep=",", **rest):
    return sep.join(str(a) for a in args), rest
print(h(1, 2, 3), h(1, sep="-", end="!"))
