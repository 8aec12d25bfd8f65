def g():
    try:
        yield 1
    finally:
        print("finalizing")
x = g()
print(next(x))
x.close()
x.close()
def h():
    yield 1
    yield 2
y = h()
print(next(y))
y.close()
print(next(y, "exhausted"))
def j():
    try:
        yield
    except GeneratorExit:
        raise ValueError("raised on close")
z = j()
next(z)
try:
    z.close()
except ValueError as e:
    print("close raised", e)
