# chip-float: double-precision digits
# float() of strings
for s in ["0", "1", "-1", "+1.5", "  3.25  ", "\t-2.5\n", "1e3", "1E3", "1e+3", "1e-3", ".5", "5.",
          "-.5e1", "1_000.5", "1_0e1_0", "0.000_001", "inf", "-inf", "+inf", "Infinity", "-INFINITY",
          "iNf", "nan", "-nan", "NaN", "1e400", "-1e400", "1e-400", "00012.5", "0e0"]:
    print(repr(s), float(s))
print(float(b"1.5"), float(bytearray(b" -2 ")), float(), float(7), float(True), float(2 ** 60))
print(float(1.5), type(float("1")))
