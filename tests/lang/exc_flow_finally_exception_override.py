def f():
    try:
        raise ValueError("body")
    finally:
        raise KeyError("finally")
try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def g():
    try:
        return 1
    finally:
        raise RuntimeError("in finally")
try:
    g()
except RuntimeError as e:
    print(e)
def h():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "break swallowed"
print(h())
