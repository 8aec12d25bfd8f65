def f():
    a = 1
    del a
    a = 2
    return a
print(f())
def g(x):
    if x:
        y = 1
    return y
print(g(True))
try:
    g(False)
except UnboundLocalError as e:
    print(e)
def h():
    for i in range(0):
        pass
    try:
        return i
    except NameError as e:
        return type(e).__name__
print(h())
