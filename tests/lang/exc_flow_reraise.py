def f():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    f()
except ValueError as e:
    print("got", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
def g():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("raise saved", repr(e))
try:
    try:
        1 / 0
    finally:
        print("cleanup")
except ZeroDivisionError:
    print("propagated through finally")
