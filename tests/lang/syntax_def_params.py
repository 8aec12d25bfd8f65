# function definitions: every parameter kind
def f0(): return "f0"
def f1(a): return a
def f2(a, b=2): return a, b
def f3(*args): return args
def f4(**kw): return sorted(kw.items())
def f5(a, *args, b, c=3, **kw): return a, args, b, c, sorted(kw)
def f6(a, /, b, *, c): return a, b, c
def f7(a, b=1, /, c=2, *d, e, f=5, **g): return a, b, c, d, e, f, g
def f8(*, key): return key
def f9(a, /): return a
def f10(a: int, b: "str" = "x", *c: float, d: bool = True, **e: dict) -> tuple:
    return a, b, c, d, e
print(f0(), f1(1), f2(1), f2(1, 3), f3(), f3(1, 2), f4(x=1, y=2))
print(f5(1, 2, b=4, z=0), f6(1, 2, c=3), f6(1, b=2, c=3))
print(f7(1, d=0, e=4), f7(1, 2, 3, 4, 5, e=6, h=7))
print(f8(key="k"), f9(9), f10(1), f10(1, "y", 2.0, d=False, z=1))
def f11(
    a,
    b=2,
):
    return a + b
print(f11(1))
def f12(a, b, /): return a - b
print(f12(5, 3))
try:
    f12(a=5, b=3)
except TypeError:
    print("TypeError positional-only")
try:
    f8("positional")
except TypeError:
    print("TypeError keyword-only")
def nested():
    def inner(x=lambda: 5):
        return x()
    return inner()
print(nested())
def with_default_expr(a, b=[1, 2][0] + 1, c={'k': 'v'}['k']): return a, b, c
print(with_default_expr(0))
def one_line(x): return x * 2
print(one_line(21))
def docs():
    "a docstring"
    return "docs"
print(docs())
