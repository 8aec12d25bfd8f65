print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
def g():
    yield 1
    return "ret"
it = g()
print(next(it))
def deleg():
    r = yield from g()
    print("got", r)
print(list(deleg()))
it = iter([])
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
