class P:
    def __init__(self, v): self.v = v
    def __pow__(self, e, mod=None):
        return ("pow", self.v, e, mod)
    def __rpow__(self, b):
        return ("rpow", b, self.v)
    def __ipow__(self, e):
        return ("ipow", e)
print(P(2) ** 3, 3 ** P(2), pow(P(2), 5), pow(P(2), 5, 7))
x = P(1)
x **= 4
print(x)
