def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")
g = outer()
print(next(g))
print(g.throw(ValueError("x")))
g.close()
def inner2():
    yield 1
    return "ret"
def outer2():
    v = yield from inner2()
    yield v
g2 = outer2()
next(g2)
print(next(g2))
def stubborn():
    yield 1
def out3():
    try:
        yield from stubborn()
    except KeyError as e:
        yield "outer caught " + str(e)
g3 = out3()
next(g3)
print(g3.throw(KeyError("k")))
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def deleg():
    yield from It()
print(list(deleg()))
