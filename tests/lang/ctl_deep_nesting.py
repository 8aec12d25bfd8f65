def f(n):
    total = 0
    for a in range(n):
        for b in range(n):
            if a < b:
                for c in range(n):
                    while c > 0:
                        try:
                            if c % 2:
                                total += 1
                            else:
                                total += 2
                        finally:
                            c -= 1
    return total
print(f(4))
def g():
    out = []
    with Ctx(out, 1):
        with Ctx(out, 2):
            try:
                with Ctx(out, 3):
                    raise ValueError
            except ValueError:
                out.append("caught")
    return out
class Ctx:
    def __init__(self, out, n):
        self.out = out
        self.n = n
    def __enter__(self):
        self.out.append("in%d" % self.n)
    def __exit__(self, *a):
        self.out.append("out%d" % self.n)
print(g())
