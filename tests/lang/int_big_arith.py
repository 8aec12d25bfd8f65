# arbitrary precision: + - * with big operands
a = 2 ** 1000
print(a)
print(len(str(a)), str(a)[:20], str(a)[-20:])
b = 3 ** 500
print(a + b)
print(a - b)
print(b - a)
print(a * b % 1000000007)
print(-a * b < 0, (-a) * (-b) == a * b)
x = 1
for i in range(1, 30):
    x = x * 1000003 + i
print(x)
print(x - x, x + -x, type(x - x))
print(12345678901234567890 + 98765432109876543210)
print(12345678901234567890 * 98765432109876543210)
print(-12345678901234567890 * 98765432109876543210)
print(99999999999999999999 - 100000000000000000000)
print((10 ** 40 + 1) * (10 ** 40 - 1) == 10 ** 80 - 1)
