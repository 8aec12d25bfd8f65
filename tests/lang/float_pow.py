# chip-float: double-precision results
# ** with floats
print(2.0 ** 3, 2 ** 3.0, 2.0 ** -1, 4.0 ** 0.5, (-8.0) ** 3, (-2.0) ** -2, 10.0 ** 300)
print(0.0 ** 0, 0.0 ** 1.5, 1.0 ** float("inf"), (-1.0) ** float("inf"), float("nan") ** 0)
print(1.0 ** float("nan"), 2.0 ** float("inf"), 0.5 ** float("inf"), 2.0 ** float("-inf"))
print(float("inf") ** 2, float("inf") ** -1, float("-inf") ** 3, float("-inf") ** 2)
print(type((-8.0) ** (1 / 3)), abs((-8.0) ** (1 / 3) - (1 + 1.7320508075688772j)) < 1e-12)
print((-1) ** 0.5)
for a, b in [(0.0, -1), (0.0, -1.5), (0, -2.0)]:
    try:
        a ** b
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
try:
    10.0 ** 400
except OverflowError:
    print("OverflowError")
print(pow(2.0, 10), pow(9, 0.5))
