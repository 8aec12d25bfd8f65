# complex arithmetic with ints, floats and bools
a = 1 + 2j
b = 3 - 4j
print(a + b, a - b, a * b, -a, +a, a + 1, 1 + a, a - 1.5, 2.5 - a, a * 2, 2 * a, a * True)
print(a * a, a * a.conjugate(), (1j) * (1j), 1j ** 2, abs(b), abs(3 + 4j), abs(-5j))
print(a == 1 + 2j, a != b, 1 + 0j == 1, 1.0 == 1 + 0j, 2 == 1 + 0j, (1 + 0j) != 1, True == 1 + 0j)
x = 1j
x += 1
x *= 2
x -= 1j
print(x)
print(bool(0j), bool(1j), bool(complex(0, 0.0)), not 0j)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(0j) == 0, hash(1j))
