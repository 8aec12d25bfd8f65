class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return "N(%r)" % (self.v,)
    def __add__(self, o): return N(self.v + o)
    def __sub__(self, o): return N(self.v - o)
    def __mul__(self, o): return N(self.v * o)
    def __truediv__(self, o): return N(self.v / o)
    def __floordiv__(self, o): return N(self.v // o)
    def __mod__(self, o): return N(self.v % o)
    def __pow__(self, o): return N(self.v ** o)
    def __matmul__(self, o): return N(("@", o))
n = N(7)
print(n + 1, n - 1, n * 2, n / 2, n // 2, n % 4, n ** 2, n @ 3)
print(n + 1 + 2, (n * 2) - 4)
