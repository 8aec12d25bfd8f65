a, b = 7, 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a << 2, a >> 1, a & b, a | b, a ^ b, ~a)
print(2 ** -1, 10 // 2.5, 7 % -3)
print("ab" + "cd", "x" * 3, [1] * 2, 3 * (1,))
print(1 == 1.0, 1 != 2, "a" < "b", [1, 2] < [1, 3], (1, 2) >= (1, 2))
print(3 in [1, 2, 3], "lo" in "hello", 5 not in {1: 2})
n = None
print(n is None, a is not None)
print(+True, -False, True + True)
print(0.1 + 0.2 == 0.3, abs(-3))
x = 5
x = -x
print(x, not x, -(-x))
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
