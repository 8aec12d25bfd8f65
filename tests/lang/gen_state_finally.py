log = []
def g():
    try:
        for i in range(3):
            try:
                yield i
            finally:
                log.append("inner %d" % i)
    finally:
        log.append("outer")
it = g()
for v in it:
    if v == 1:
        break
print(log)
it.close()
print(log)
def h():
    with open_ctx("cm"):
        yield 1
        yield 2
class open_ctx:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append("enter")
    def __exit__(self, *a):
        log.append("exit %s" % (a[0].__name__ if a[0] else None))
log.clear()
it = h()
next(it)
it.close()
print(log)
