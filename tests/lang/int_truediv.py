# chip-float: needs double precision (53-bit significand, 1e308 range)
# int / int always gives a float, correctly rounded even for big ints
print(1 / 2, 7 / 7, -7 / 2, 1 / 3, 2 / 3, 0 / 5, 0 / -5)
print(10 ** 20 / 10 ** 10, 2 ** 100 / 2 ** 99, (2 ** 200 + 1) / 2 ** 100)
print(1 / 2 ** 100, -(10 ** 30) / 7)
print(10 ** 400 / 10 ** 399, 7 ** 300 / 7 ** 299)
print(type(4 / 2))
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError", e)
print(9007199254740993 / 1, 9007199254740995 / 1)
