x = "global"
f = lambda: x
def g():
    x = "enclosing"
    return lambda: x
def h():
    x = "enclosing"
    return lambda x=x: x
print(f(), g()(), h()())
x = "changed"
print(f())
adders = [lambda a, n=n: a + n for n in range(3)]
print([ad(10) for ad in adders])
