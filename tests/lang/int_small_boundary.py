# arithmetic that crosses between small and big ints in both directions
for base in [2 ** 30, 2 ** 31, 2 ** 62, 2 ** 63, 2 ** 64]:
    for d in [-1, 0, 1]:
        n = base + d
        print(n, n + 1, n - 1, n * 2, n * -3, n // 2, n % 7, -n // 3, n >> 1, n << 1, n & 0xFFFF, n | 1, n ^ -1)
        m = -n
        print(m, m + 1, m - 1, m * 2, m // 2, m % 7, m >> 1, m << 1)
x = 2 ** 62 - 1
y = x + 1
print(y - 1 == x, y - 1, type(y - 1))
print(2 ** 62 * 2 ** 62 // 2 ** 62, 46341 * 46341, 3037000500 * 3037000500, 65536 * 65536)
print(-(2 ** 62) // -1, -(2 ** 63) // -1, (-(2 ** 62)) * -1, (2 ** 31) * (2 ** 31))
