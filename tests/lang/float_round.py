# chip-float: decimal rounding of double-precision values
# round(): half to even, decided on the exact binary value
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0), round(3.5, 0))
print(round(12345.6789, 1), round(12345.6789, -1), round(12345.6789, -2), round(55.5, -1))
print(round(-12345.6789, -3), round(0.1, 20), round(1e300, 2), round(1.23456, 10))
print(round(5e-324, 400), round(123.456, -5), round(-0.0, 1), round(0.5, 0), round(-0.5, 0))
print(round(1e20), round(-1e20), round(2.0 ** 60 + 0.0), type(round(1.5)), type(round(1.5, 1)))
print(round(7.0, None), round(1.15, 1), round(1.25, 1), round(1.35, 1), round(2.5e-8, 8))
for f in [float("inf"), float("nan")]:
    try:
        round(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError")
