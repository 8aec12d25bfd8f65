# sys.exc_info() and sys.exception(): the exception being handled
import sys

print(sys.exc_info())
print(sys.exception())
try:
    raise ValueError("v")
except ValueError as e:
    t, v, tb = sys.exc_info()
    print(t is ValueError, v is e, sys.exception() is e)
    try:
        raise KeyError("k")
    except KeyError as e2:
        print(sys.exc_info()[1] is e2)
    print(sys.exc_info()[1] is e)
print(sys.exc_info())


def f():
    try:
        1 / 0
    except ZeroDivisionError:
        return sys.exc_info()[0]


print(f().__name__)
print(sys.exc_info()[0])
