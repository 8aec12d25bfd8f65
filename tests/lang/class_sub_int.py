class Meters(int):
    def __repr__(self):
        return "%dm" % int(self)
    def double(self):
        return Meters(self * 2)
m = Meters(5)
print(m, repr(m), m + 1, m * 2, m.double(), type(m + 1).__name__, type(m.double()).__name__)
print(m == 5, m < 6, hash(m) == hash(5), isinstance(m, int), int(m), str(m))
print([10, 20, 30, 40, 50, 60][m], bin(m), -m, abs(Meters(-3)))
class Flag(int):
    def __new__(cls, v, name):
        o = super().__new__(cls, v)
        o.name = name
        return o
f = Flag(3, "three")
print(f, f.name, f + 1)
print(Meters("12"), Meters(7.9))
