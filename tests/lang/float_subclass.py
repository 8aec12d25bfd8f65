# subclasses of float
class Meters(float):
    def twice(self):
        return self * 2

m = Meters(1.5)
print(m, m.twice(), m + 1, 1 + m, m * m, -m, abs(-m), m // 1, m % 1, m ** 2, m == 1.5, m < 2)
print(type(m + 1).__name__, isinstance(m, float), hash(m) == hash(1.5), float(m), int(m), str(m))
print(Meters("2.25"), Meters(3), round(m), m.is_integer())
