# malformed function definitions
cases = [
    "def f(a=1, b): pass",
    "def f(a, a): pass",
    "def f(a, *a): pass",
    "def f(*): pass",
    "def f(*, **k): pass",
    "def f(**k, a): pass",
    "def f(**k, *a): pass",
    "def f(*a, *b): pass",
    "def f(a, /, b, /): pass",
    "def f(*, a, /): pass",
    "def f(/, a): pass",
    "def f(*a=1): pass",
    "def f(**k=1): pass",
    "def f(a b): pass",
    "def f(1): pass",
    "def f((a, b)): pass",
    "def f(a.b): pass",
    "def f(): return 1 = 2",
    "def f()\n    pass",
    "def f():\npass",
    "def (): pass",
    "def f: pass",
    "def f(a=1, /, b): pass",
    "def f(a, *, b=1, c): pass",
    "def f(a,, b): pass",
    "def f(,): pass",
    "def f() -> : pass",
    "def f(x: int = ): pass",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
