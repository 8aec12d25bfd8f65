# Python's sign rules for // and % on small ints
for x in [7, -7, 0, 1, -1, 6, -6]:
    for y in [3, -3, 1, -1, 7, 2]:
        print(x, y, x // y, x % y, divmod(x, y))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
x = 17
x //= 5
print(x)
x %= 2
print(x)
