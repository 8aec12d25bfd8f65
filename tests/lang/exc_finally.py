def f(x):
    try:
        if x:
            raise ValueError("v")
        return "normal"
    finally:
        print("finally", x)
print(f(0))
try:
    f(1)
except ValueError as e:
    print("caught", e)
def g():
    try:
        raise KeyError
    finally:
        return "swallowed"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
h()
try:
    try:
        raise ValueError("a")
    finally:
        raise TypeError("b")
except TypeError as e:
    print(type(e.__context__).__name__)
