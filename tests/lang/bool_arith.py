# bools are ints in arithmetic
print(True + True, True - False, True * 10, False * 10, True / 2, True // 2, True % 2, True ** 10)
print(-True, +True, ~True, ~False, abs(True), abs(False), -False)
print(True + 1.5, 2 ** True, 10 - True, 3 * False, True + (1 + 1j), True << 3, 16 >> True)
print(type(True + True).__name__, type(-True).__name__, type(True * 1.0).__name__)
print(sum([True, True, False, True]), max(True, 0), min(False, -1), divmod(True, 2))
try:
    True / False
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    True // False
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
