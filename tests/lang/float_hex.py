# chip-float: double-precision digits
# float.hex
for f in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 3.0, 0.1, 1e300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 255.0, 0.75]:
    print(f.hex())
