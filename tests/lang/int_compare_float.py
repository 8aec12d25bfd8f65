# chip-float: needs double precision (53-bit significand, 1e308 range)
# comparisons of ints with floats are exact
big = 2 ** 53 + 1
print(big == 2.0 ** 53, big > 2.0 ** 53, big - 1 == 2.0 ** 53, float(big) == 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), -(10 ** 400) < -1e308)
nan = float("nan")
for x in [0, 1, -1, 10 ** 30]:
    print(x < nan, x > nan, x == nan, x != nan, x <= nan, x >= nan)
print(1 < 1.5, 2 > 1.5, 1 == 1.0, 1 <= 1.0, -1 < -0.5, 0 == -0.0)
print(2 ** 63 == 9223372036854775808.0, 2 ** 63 - 1 < 9223372036854775808.0, 2 ** 63 + 1 > 9223372036854775808.0)
print(12345678901234567890 < 1.2345678901234567e19, 12345678901234567890 > 1.2345678901234567e19)
print(1.5 < 2, 1.5 > 2 ** 100, -1e300 < -(10 ** 299), 1e300 > 10 ** 299)
print(3 == 3.0000000000000004, 3 < 3.0000000000000004)
