def g():
    yield 1
    raise StopIteration("inside")
it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__)
def h():
    next(iter([]))
    yield
try:
    list(h())
except RuntimeError as e:
    print(e)
