class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.swap(), p.first, len(p), p == (1, 2), p + (3,), isinstance(p, tuple))
a, b = p
print(a, b, hash(p) == hash((1, 2)), type(p.swap()).__name__)
class T(tuple):
    pass
print(T([1, 2, 3]), T(), T("ab")[1])
