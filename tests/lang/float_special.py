# chip-float: double-precision digits
# inf, nan and negative zero
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan, -0.0, 0.0 * -1, -0.0 + 0.0, abs(-0.0))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf, inf / inf)
print(repr(inf), str(-inf), repr(nan), [inf, nan, -0.0])
print(float("-0"), -0.0 == 0, str(-0.0))
print(bool(0.0), bool(-0.0), bool(nan), bool(inf), bool(1e-300))
print(inf > 2 ** 1000, -inf < -(2 ** 1000), nan == 2 ** 1000)
