# constant integer expressions give exactly what the same operations give at run time
a, b, c, d, z = 7, -7, 2, -2, 0
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, a // c, b // c, a // d, b // d)
print(7 % 2, -7 % 2, 7 % -2, -7 % -2, a % c, b % c, a % d, b % d)
print(7 % 7, -7 % 7, 0 % 5, 0 // -5)
print(1 << 10, -1 << 10, 1 << 0, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 70, 1 << 70)
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** 0, 0 ** 0, 1 ** 1000000000, (-1) ** 1000000001)
print(2 ** -1, 10 ** -2, 0 ** 5, 7 ** 1)
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3, ~0, ~-1, ~5, -~5, ~~5, - - -5, + - + 5)
print(3 * -4, -3 * -4, 2 + 3 * 4 - 5 // 2 % 3, (1 + 2) * (3 - 4) << 2)
# around the small-int limits of the chip (2**30) and of the host (2**62)
print(1073741823 + 1, -1073741824 - 1, 1 << 30, 1 << 31, 2 ** 30, -(2 ** 30), 32768 * 32768)
print(4611686018427387903 + 1, -4611686018427387904 - 1, 1 << 62, 1 << 63, 2 ** 62, 2 ** 63)
print(-(-4611686018427387904), ~4611686018427387903, 3037000499 * 3037000499, 3037000500 * 3037000500)
print(-4611686018427387904 // -1, -4611686018427387904 % -1, 9223372036854775807 * 1)
print(2 ** 64, 3 ** 40, (-3) ** 39, 10 ** 18, 10 ** 19, -(1 << 61) * 4)
# things that must still fail at run time, not at compile time
for src in ["1 // 0", "1 % 0", "1 << -1", "1 >> -1", "0 ** -1", "1 / 0"]:
    try:
        print(eval(src))
    except (ZeroDivisionError, ValueError) as e:
        print(src, type(e).__name__)
f = lambda: 1 // 0
print(type(f).__name__)
print(True + 1, -True, ~False, 1.5 * 2, -2.5, 2 ** 0.5 > 1, 1 == 1.0)
