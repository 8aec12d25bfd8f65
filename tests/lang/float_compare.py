# chip-float: double-precision digits
# comparisons with nan, inf and -0.0
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= nan, 1.0 != nan)
print(inf > 1e308, -inf < -1e308, inf == inf, inf > -inf, inf == float("inf"))
print(0.0 == -0.0, 0.0 < -0.0, -0.0 < 0.0, 1.5 <= 1.5, 1.5 < 1.5, 2.5 >= 3)
print(nan in [nan], [nan] == [nan], nan is nan)
x = float("nan")
print([x] == [x], x in [x], (x,) == (x,))
print(sorted([3.5, -1.0, 2.0, inf, -inf]), max(1.5, 2), min(-0.5, 0))
