# starred expressions in displays, calls and targets
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*a], (*a,), [*"xy", *range(2)])
print(*a, *b, sep="-")
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
x, *y, z = range(5)
print(x, y, z)
[p, *q] = (1,)
print(p, q)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
t = *a, 9
print(t)
def f():
    return *a, *b
print(f())
print({**{'x': 1}, 'y': 2, **{'z': 3}})
for src in ["*a", "x = *a", "*a = 1", "a, *b, *c = d", "[*a, *b] = c", "print(*)",
            "(*a)", "del *a", "x = [*]", "*a, = [1]", "f(**a, *b)", "return *a"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
