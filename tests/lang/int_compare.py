# comparisons between small and big ints
vals = [-(2 ** 100), -(2 ** 64), -(2 ** 62) - 1, -(2 ** 62), -(2 ** 30) - 1, -1, 0, 1,
        2 ** 30, 2 ** 62 - 1, 2 ** 62, 2 ** 63, 2 ** 100]
for a in vals:
    print(sum(a < b for b in vals), sum(a <= b for b in vals), sum(a == b for b in vals),
          sum(a != b for b in vals), sum(a > b for b in vals), sum(a >= b for b in vals))
for i in range(len(vals) - 1):
    print(vals[i] < vals[i + 1], vals[i + 1] > vals[i], vals[i] == vals[i], vals[i] != vals[i + 1])
print(2 ** 100 == 2 ** 100, 2 ** 100 is not None, 2 ** 100 == 2 ** 100 + 0)
print(max(vals), min(vals), sorted(vals[::-1]) == vals)
print(1 == 1.0, 2 ** 70 == "x", 5 == None, 5 != None)
