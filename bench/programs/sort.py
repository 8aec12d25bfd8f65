# Sorting: list.sort and sorted with key functions, reverse, tuples, stability.
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


gen = lcg(42)
nums = [next(gen) % 100000 for _ in range(30000)]
records = [(n % 97, "id%d" % n, n) for n in nums[:8000]]

a = sorted(nums)
b = sorted(nums, reverse=True)
c = sorted(records, key=lambda r: r[0])
d = sorted(records, key=lambda r: (r[0], r[1]))
e = sorted(nums[:5000], key=str)
nums.sort(key=lambda n: -n)
check = (a[0] + a[-1] + b[100] + c[0][2] + c[-1][2] + d[500][2] + int(e[7]) + nums[3]) % 1000003
print("sort", check, a[15000], e[0], e[-1])
