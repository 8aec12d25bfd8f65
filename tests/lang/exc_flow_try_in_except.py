def f():
    try:
        raise ValueError("outer")
    except ValueError as e:
        try:
            raise TypeError("inner")
        except TypeError as e2:
            print("inner handled", e2)
        print("still in outer handler", e)
        return "done"
print(f())
def g():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            pass
        finally:
            print("finally in handler")
        return "g done"
print(g())
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise ValueError(2)
    finally:
        print("finally after raise in handler")
except ValueError as e:
    print(e, e.__context__)
