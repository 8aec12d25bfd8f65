def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    it.send(None)
except StopIteration as e:
    print(repr(e.value), e.args)
def h():
    return 5
    yield
try:
    h().send(None)
except StopIteration as e:
    print(e.value)
def noval():
    yield
try:
    x = noval()
    x.send(None)
    x.send(None)
except StopIteration as e:
    print(e.value, e.args)
