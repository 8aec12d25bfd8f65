# floor division and modulo of big ints with every sign combination
a = 123456789012345678901234567890123456789
b = 98765432109876543210
for x, y in [(a, b), (-a, b), (a, -b), (-a, -b), (a, 7), (-a, 7), (a, -7), (b, a), (-b, a),
             (a, a), (-a, a), (a * b, b), (a * b + 1, -b), (2 ** 200, 2 ** 100 + 1),
             (10 ** 50, 3), (2 ** 64, 2 ** 32), (-(2 ** 64), 2 ** 32 + 1)]:
    q, r = divmod(x, y)
    print(q, r, x // y == q, x % y == r, q * y + r == x)
try:
    a // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    a % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(a, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
