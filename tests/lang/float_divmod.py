# chip-float: double-precision digits
# divmod() with floats
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1, 0.3), (0.0, 1.5), (-0.0, 1.5), (1e20, 7.0)]:
    q, r = divmod(a, b)
    print(a, b, q, r)
print(divmod(5, 2.5), divmod(-5, 2.5), divmod(5.0, float("inf")), divmod(-5.0, float("inf")))
