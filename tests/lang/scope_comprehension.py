x = "outer"
r = [x for x in range(3)]
print(r, x)
print([y for y in range(2)])
try:
    y
except NameError:
    print("y not leaked")
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 10
    try:
        bad = [n for _ in range(1)]
    except NameError:
        bad = "NameError"
print(C.doubled, C.bad)
def f():
    k = 3
    return [i * k for i in range(3)], {i: k for i in range(2)}, {k + i for i in range(2)}
print(f())
print([(i, j) for i in range(3) for j in range(i)])
print([i for i in range(10) if i % 2 if i % 3])
def g():
    return [[j for j in range(i)] for i in range(3)]
print(g())
gen = (a * 2 for a in range(3))
print(list(gen))
