def g():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
it = g()
print(next(it))
print(it.throw(ValueError("v1")))
print(it.throw(ValueError, "v2"))
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(it)
except StopIteration:
    print("finished after throw")
def h():
    yield 1
fresh = h()
try:
    fresh.throw(RuntimeError("unstarted"))
except RuntimeError as e:
    print(e)
print(list(fresh))
