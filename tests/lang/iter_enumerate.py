print(list(enumerate("abc")), list(enumerate([])), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)))
print(list(enumerate(iterable="xy", start=2)), list(enumerate(range(3), 2**62 - 1)))
e = enumerate([10, 20])
print(type(e).__name__, next(e), iter(e) is e, list(e), list(e))
for i, c in enumerate("hi"):
    print(i, c)
for args, kw in [((), {}), ((1,), {}), (("a", 1.5), {}), (("a",), {"x": 1}), (("a", 1, 2), {})]:
    try:
        enumerate(*args, **kw)
    except TypeError:
        print("TypeError")
print(dict(enumerate("abc")))
