# Generators: pipelines of generator functions and expressions, yield from, send.
def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def scaled(it, k):
    for x in it:
        yield x * k


def chain(*its):
    for it in its:
        yield from it


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


pipeline = sum(scaled(evens(naturals(150000)), 3))
gexp = sum(x * x for x in range(100000) if x % 3)
joined = sum(1 for _ in chain(naturals(30000), range(20000), (i for i in range(10000))))
acc = accumulator()
next(acc)
for i in range(50000):
    last = acc.send(i)
print("generators", pipeline, gexp, joined, last)
