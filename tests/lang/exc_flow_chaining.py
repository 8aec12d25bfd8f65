try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError("first")
    except ValueError as v:
        raise TypeError("second") from v
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise TypeError("y") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    raise ValueError
except ValueError as e:
    print(e.__context__)
def h():
    try:
        raise KeyError("in finally test")
    finally:
        pass
try:
    h()
except KeyError as e:
    print(e.__context__)
