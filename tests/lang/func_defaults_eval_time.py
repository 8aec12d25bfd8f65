n = 1
def f(x=n):
    return x
n = 2
print(f())
calls = []
def mk(v):
    calls.append(v)
    return v
def g(a=mk(1), *, b=mk(2)):
    return a, b
print(calls, g(), g(5, b=6))
def h(a, b=2, c=3):
    return a + b + c
print(h(1), h(1, 1), h(1, c=10))
h.__defaults__ = (100, 200)
print(h(1))
lam = lambda x, y=10: x + y
print(lam(1), lam(1, 1))
