# Sets: membership, add/discard, union/intersection/difference of int and str sets.
def primes_below(n):
    composite = set()
    primes = []
    for i in range(2, n):
        if i not in composite:
            primes.append(i)
            for j in range(i * i, n, i):
                composite.add(j)
    return primes


def set_algebra(rounds):
    a = set(range(0, 3000, 2))
    b = set(range(0, 3000, 3))
    total = 0
    for r in range(rounds):
        u = a | b
        i = a & b
        d = a - b
        x = a ^ b
        total += len(u) + len(i) * 3 + len(d) * 5 + len(x) * 7
        a.discard(r * 2)
        b.add(3000 + r)
    names = {"n%d" % k for k in range(500)}
    seen = sum(1 for k in range(1000) if "n%d" % k in names)
    return total, seen


p = primes_below(60000)
print("sets", len(p), p[-1], set_algebra(200))
