# chip-float: 10 ** -3 prints with double-precision digits
# ** on ints: big results, negative exponents give floats
print(2 ** 10, 2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, (-2) ** 64)
print(3 ** 100)
print((-3) ** 101)
print(10 ** 30, 0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001, (-1) ** 1000)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -3)
print(7 ** 0, (2 ** 100) ** 2 == 2 ** 200)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
x = 5
x **= 3
print(x)
print(pow(2, 100), pow(-5, 3))
