# return and yield in all their forms
def r0(): return
def r1(): return 1
def r2(): return 1, 2
def r3(): return *[1], 2
def r4():
    return (
        3
    )
print(r0(), r1(), r2(), r3(), r4())
def g1():
    yield
    yield 1
    yield 1, 2
    yield *[3], 4
    x = yield 5
    print("got", x)
    y = yield
    print("got", y)
    z = (yield 6) + 1
    print("z", z)
g = g1()
print(next(g), next(g), next(g), next(g), next(g))
print(g.send("sent"))
print(g.send(None))
try:
    g.send(10)
except StopIteration:
    print("done")
def g2():
    r = yield from g3()
    print("g3 returned", r)
    yield from [7, 8]
def g3():
    yield "a"
    return "ret"
print(list(g2()))
def g4():
    print((yield), (yield 1))
    f = lambda: (yield)
    yield 2
    return "end"
it = g4()
print(next(it), it.send("x"), it.send("y"))
def g5():
    yield from (x * 2 for x in range(3))
print(list(g5()))
for src in ["return", "yield 1", "x = yield", "class C: return", "class C: yield",
            "def f(): yield = 1", "def f(): x = yield = 1", "def f(): return yield",
            "def f(): yield from", "def f(): (yield from)", "def f(): [(yield) for x in y]",
            "def f(): {(yield): 1 for x in y}", "def f(): [x for x in (yield)]",
            "async def f(): yield from x", "def f(): yield *a", "def f(): return *a",
            "def f(): print((yield))", "def f(): f(yield)", "def f(): x = yield from y"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
