# chip-float: digits of double precision
# float formatting: format() and %-formatting with e f g % types
x = 1234.5678
for spec in ["e", "E", "f", "F", "g", "G", "%", ".2e", ".0e", ".3f", ".0f", ".10f", ".3g", ".10g",
             ".0g", ".1g", "#.0f", "#.3g", "#g", ".2%", "", ".3", ".1", ".12"]:
    print(repr(spec), format(x, spec), format(-x, spec), format(0.0001234, spec), format(1e20, spec))
for v in [0.0, -0.0, 1.0, 100.0, 1e16, 1.5, 0.5, 2.5, 1e-5, 123456789.0]:
    print(format(v, ""), format(v, "g"), format(v, ".3"), format(v, ".1f"), format(v, "e"))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(format(v, "f"), format(v, "F"), format(v, "e"), format(v, "E"), format(v, "g"), format(v, "G"), format(v, "%"))
print("%.2f %e %g %.3g %10.4f|%-10.2e|" % (3.14159, 31415.9, 0.00001, 2.5, 1.5, 2.5))
print(format(1e300, "f")[:20], len(format(1e300, "f")), format(2.5, ".0f"), format(3.5, ".0f"))
