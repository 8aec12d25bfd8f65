try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["k"]
except KeyError as e:
    print(type(e.__context__).__name__)
try:
    try:
        raise KeyError("a")
    finally:
        pass
except KeyError as e:
    print(e.__context__)
try:
    try:
        raise KeyError("a")
    except KeyError as inner:
        raise inner
except KeyError as e:
    print(e.__context__)
def f():
    try:
        raise IndexError("i")
    except IndexError:
        raise TypeError("t") from None
try:
    f()
except TypeError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
