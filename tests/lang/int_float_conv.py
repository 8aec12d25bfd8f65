# chip-float: needs double precision (53-bit significand, 1e308 range)
# float() of big ints is correctly rounded
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 53 + 2), float(2 ** 53 + 3))
print(float(2 ** 64 - 1), float(2 ** 100), float(-(2 ** 100) - 1), float(10 ** 22), float(10 ** 23))
print(float(10 ** 308), float(2 ** 1023), float(2 ** 1024 - 2 ** 971), float(2 ** 1024 - 2 ** 970 - 1), float(123456789012345678901234567890))
for n in [2 ** 1024 - 2 ** 970, 2 ** 1024, -(2 ** 1024), 10 ** 400]:
    try:
        float(n)
    except OverflowError as e:
        print("OverflowError", e)
try:
    2 ** 1024 + 0.5
except OverflowError as e:
    print("OverflowError", e)
print(2 ** 100 + 0.5, 0.5 * 2 ** 100, 2 ** 100 * 1.0 == float(2 ** 100))
