# conversions between number types through constructors and __index__/__float__/__int__
class I:
    def __index__(self):
        return 7

class T:
    def __int__(self):
        return 42

class FF:
    def __float__(self):
        return 1.25

print(int(I()), float(I()), int(T()), float(FF()), complex(I()), bin(I()), hex(I()), oct(I()))
print(int(True), float(False), complex(True), int(-2.5), float(-3), int("-0"), float("-0"))
print([1, 2, 3, 4, 5, 6, 7, 8][I()], range(20)[I()], "abcdefgh"[I()])

class Bad:
    def __int__(self):
        return "x"

try:
    int(Bad())
except TypeError as e:
    print("TypeError")
try:
    float(T())
except TypeError as e:
    print("TypeError")
