# chip-float: needs double precision (53-bit significand, 1e308 range)
# int() of floats truncates toward zero; inf and nan raise
for f in [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e10, -1e10, 123456.789, 2.0 ** 53,
          2.0 ** 53 + 2, 1e20, -1e20, 1.7976931348623157e308, 5e-324]:
    print(f, int(f))
print(int(2.0 ** 62), int(-2.0 ** 62), int(2.0 ** 63), int(2.0 ** 64), int(2.0 ** 30), int(2.0 ** 31))
for f in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(type(int(3.7)), int(3.7) == 3)
