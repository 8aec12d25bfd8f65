# chip-float: results printed with double-precision digits
# float arithmetic, mixed with ints and bools
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25, -1.5 * -2.0)
print(1.5 + 2, 2 + 1.5, 3 - 0.5, 0.5 - 3, 2 * 0.25, 0.25 * 2, 1 / 4.0, 4.0 / 1, True + 0.5)
print(0.1 + 0.2, 0.1 * 3, 1.0 / 3, 2 ** 0.5, 10.0 ** 20, 1e308 * 10, -1e308 * 10)
print(2 ** 100 + 1.0, 1.0 - 2 ** 70, 3.0 * 10 ** 20)
x = 1.0
x += 2
x *= 3.5
x -= 0.5
x /= 2
print(x)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(type(1 + 1.0), type(1.0 + True))
