# chained comparisons mixing number types
print(1 < 1.5 < 2 < 2 ** 70 < float("inf"), 0 == 0.0 == False == -0.0 == 0j)
print(-1 < True <= 1.0 < 3, 2 ** 100 > 2 ** 99 > 1e29 > 10 ** 29)
print(1 < 2 > 0.5 != 0.6, (1 < 0) < 1, 3 > 2 == 2.0)
nums = [3, 2.5, True, -(2 ** 65), 0.0, 10 ** 20, -7.25]
print(sorted(nums), max(nums), min(nums))
print(sorted(nums, reverse=True))
