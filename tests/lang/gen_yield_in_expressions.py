def g():
    x = (yield 1) + (yield 2)
    yield x
it = g()
print(next(it), it.send(10), it.send(20))
def h():
    d = {"k": (yield "dict")}
    yield d
it = h()
print(next(it), it.send("v"))
def args():
    print("got", (yield), (yield))
it = args()
next(it)
it.send("a")
try:
    it.send("b")
except StopIteration:
    print("done")
def lam():
    f = lambda: (yield 5)
    return list(f())
print(lam())
