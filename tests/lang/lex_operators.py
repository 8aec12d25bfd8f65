# every operator and delimiter token
a = 17; b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(a << 2, a >> 1, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 3; x >>= 1
x &= 0xff; x |= 1; x ^= 3
print(x)
y = 10.0
y /= 4
print(y)
class M:
    def __matmul__(self, o): return "matmul"
    def __imatmul__(self, o): return "imatmul"
m = M()
print(m @ m)
m @= 1
print(m)
def f(p: int) -> int:
    return p
print(f(7))
if (n := 3) > 2:
    print(n)
print(...)
print(a<b, a>=b, a//b, a**b//b)
print([1,2,3][::2], {'k':1}['k'])
