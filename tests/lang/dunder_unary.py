class U:
    def __init__(self, v): self.v = v
    def __neg__(self): return U(-self.v)
    def __pos__(self): return U(self.v + 1000)
    def __abs__(self): return U(abs(self.v))
    def __invert__(self): return U(~self.v)
    def __repr__(self): return "U(%d)" % self.v
u = U(-5)
print(-u, +u, abs(u), ~u, -(-u), abs(-u))
class None_: pass
for op in (lambda x: -x, lambda x: +x, lambda x: ~x, abs):
    try:
        op(None_())
    except TypeError as e:
        print("TypeError", e)
