# chip-float: shortest repr digits are those of double precision
# repr/str of floats: the shortest string that round-trips
for f in [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 3.14159, 100.0, 1.5, 0.5,
          123456789.0, 1234567890123456.0, 0.001, 1e-4, 2.5e-4, 9.999999999999999e15,
          1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 4.35, 0.3, 1.1, 2.675]:
    print(f, repr(f), str(f))
print(float(123), float(-45), 1e0, 10.0 ** 15, 7.0 * 3)
print([0.1, 1e100, -2.5], (1.0,), {"x": 0.25})
