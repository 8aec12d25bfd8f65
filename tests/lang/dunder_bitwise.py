class B:
    def __init__(self, v): self.v = v
    def __and__(self, o): return B(self.v & o)
    def __or__(self, o): return B(self.v | o)
    def __xor__(self, o): return B(self.v ^ o)
    def __lshift__(self, o): return B(self.v << o)
    def __rshift__(self, o): return B(self.v >> o)
    def __iand__(self, o):
        self.v &= o
        return self
    def __repr__(self): return "B(%d)" % self.v
b = B(12)
print(b & 10, b | 3, b ^ 5, b << 2, b >> 1)
b &= 4
print(b)
b <<= 1
print(b)
