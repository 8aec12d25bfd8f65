def risky(kind):
    if kind == 1:
        raise ValueError("one")
    if kind == 2:
        raise KeyError("two")
    return "fine"
for k in range(3):
    try:
        try:
            print(risky(k))
        except ValueError as e:
            print("inner", e)
            raise RuntimeError("converted")
    except RuntimeError as e:
        print("outer", e, repr(e.__context__))
    except KeyError as e:
        print("outer key", e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("reraised", e)
