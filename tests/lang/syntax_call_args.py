# call argument forms
def f(*args, **kw):
    return args, sorted(kw.items())
print(f())
print(f(1, 2))
print(f(a=1))
print(f(1, b=2, *[3], **{'c': 4}))
print(f(*[1, 2], *(3,), x=1, **{'y': 2}, z=3))
print(f(1, *[], **{}))
print(f(
    1,
    2,
))
print(f(1,), f(a=1,), f(*[1],), f(**{'k': 1},))
print(list(f(x for x in range(3))[0][0]))
print(f(*(x for x in range(3))))
print(f((yield_ := 1)), f(a=(lambda: 2)()))
def g(a, b=2, *, c=3):
    return a, b, c
print(g(1), g(1, 2), g(1, c=9), g(b=5, a=4))
for src in ["f(a=1, a=2)", "f(a=1, b)", "f(**a, b)", "f(**a, *b)", "f(x for x in y, 1)",
            "f(1, x for x in y)", "f(a.b=1)", "f(True=1)", "f(1=2)", "f(a b)", "f(,)",
            "f(a=1, *b)", "f(*a, b)", "f(**a, b=1)"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
