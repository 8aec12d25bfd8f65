# unary operators around the small-int limits (31-bit chip, 63-bit host)
for n in [0, 1, -1, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), -(2 ** 30) - 1, 2 ** 62 - 1, 2 ** 62,
          -(2 ** 62), -(2 ** 62) - 1, 2 ** 63, -(2 ** 63), 2 ** 100]:
    print(n, -n, +n, abs(n), ~n, -(-n) == n, bool(n), not n)
