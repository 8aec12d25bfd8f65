# chip-float: needs double precision
# float <-> int: is_integer, as_integer_ratio, trunc/floor/ceil
for f in [0.0, 1.0, -1.5, 2.5, 0.1, 1e20, -0.0, 3.75, 2.0 ** -10]:
    print(f, f.is_integer(), f.as_integer_ratio(), int(f))
print((0.5).__trunc__(), (-0.5).__floor__(), (-0.5).__ceil__(), (2.5).__round__())
print(float("inf").is_integer(), float("nan").is_integer())
for f in [float("inf"), float("nan")]:
    try:
        f.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
n, d = (1e-300).as_integer_ratio()
print(n, d.bit_length(), n / d == 1e-300)
