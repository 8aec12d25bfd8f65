def f():
    def g():
        return x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    return g()
print(f())
def h():
    y = 1
    def k():
        return y
    del y
    try:
        k()
    except NameError as e:
        print(type(e).__name__)
h()
