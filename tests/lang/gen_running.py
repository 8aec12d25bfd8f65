def g():
    yield me.send(None)
me = g()
try:
    next(me)
except ValueError as e:
    print(e)
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
print([next(c) for _ in range(3)])
print(c.gi_running)
