class R:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return ("radd", o, self.v)
    def __rsub__(self, o): return ("rsub", o)
    def __rmul__(self, o): return ("rmul", o)
    def __rtruediv__(self, o): return ("rtruediv", o)
    def __rfloordiv__(self, o): return ("rfloordiv", o)
    def __rmod__(self, o): return ("rmod", o)
    def __rpow__(self, o): return ("rpow", o)
    def __rlshift__(self, o): return ("rlshift", o)
    def __rrshift__(self, o): return ("rrshift", o)
    def __rand__(self, o): return ("rand", o)
    def __ror__(self, o): return ("ror", o)
    def __rxor__(self, o): return ("rxor", o)
    def __rmatmul__(self, o): return ("rmatmul", o)
r = R(1)
print(1 + r, 2 - r, "s" * r, 3 / r, 3 // r, 3 % r, 2 ** r)
print(1 << r, 1 >> r, 1 & r, 1 | r, 1 ^ r, [1] @ r, [1] + r)
print(sum([r], 5) if False else 5 + r)
try:
    r + 1
except TypeError as e:
    print("TypeError", e)
