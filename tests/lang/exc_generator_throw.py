def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("gen caught", e)
        yield 99
    finally:
        print("gen finally")
g = gen()
print(next(g), g.throw(ValueError("thrown")))
g.close()
def gen2():
    yield 1
g = gen2()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
