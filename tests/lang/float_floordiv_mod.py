# chip-float: double-precision digits
# // and % on floats follow the sign of the divisor
for a in [7.5, -7.5, 7.0, -7.0, 0.0, -0.0, 1e-300]:
    for b in [2.0, -2.0, 0.5, 3, -3]:
        print(a, b, a // b, a % b)
inf = float("inf")
print(5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf, 5.0 % -inf, -5.0 % -inf)
print(1e300 % 3.0, -1e300 % 3.0, 0.3 % 0.1, 7 % 2.5, -7 // 2.5)
for op in ["//", "%"]:
    for b in [0.0, 0, -0.0]:
        try:
            eval("1.0 %s b" % op)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError:
    print("ZeroDivisionError")
