def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(it, k):
    out = []
    for v in it:
        if len(out) == k:
            break
        out.append(v)
    return out
print(take(naturals(), 5))
def evens():
    for n in naturals():
        if n % 2 == 0:
            yield n
print(take(evens(), 4))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(fib(), 10))
g = naturals()
print([next(g) for _ in range(3)], next(g))
