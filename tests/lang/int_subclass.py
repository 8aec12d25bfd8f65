# subclasses of int keep int arithmetic
class MyInt(int):
    def double(self):
        return self * 2

a = MyInt(21)
print(a, a.double(), a + 1, 1 + a, a * a, -a, a // 4, a % 4, a ** 2, a << 2, abs(-a))
print(type(a + 1).__name__, isinstance(a, int), a == 21, a < 22, hash(a) == hash(21))
print(MyInt("ff", 16), MyInt(3.9), int(a), float(a), str(a))
b = MyInt(2 ** 100)
print(b + 1, b // 2 ** 99, b.bit_length())

class Flag(int):
    def __add__(self, other):
        return "added"

print(Flag(1) + 2, 2 + Flag(1), Flag(5) * 2)
