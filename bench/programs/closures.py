# Closures: nested functions, nonlocal state, lambdas, higher-order functions.
def counter():
    count = 0

    def bump(k):
        nonlocal count
        count += k
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def adder(n):
    def add(x):
        return x + n
    return add


c = counter()
for i in range(100000):
    c(i & 7)
inc = adder(1)
dbl = lambda x: x * 2
f = compose(inc, dbl)
g = compose(dbl, inc)
total = 0
for i in range(100000):
    total += f(i) - g(i)
fs = [adder(k) for k in range(100)]
s = 0
for r in range(500):
    for h in fs:
        s = h(s) & 0xFFFF
print("closures", c(0), total, s)
