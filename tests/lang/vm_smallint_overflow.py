big = 2 ** 62
print(big + big)
print(-big - big - big)
x = 4611686018427387903
print(x + 1)
print(x + x)
y = -4611686018427387904
print(y - 1)
print(y * 2)
a = 1073741823
print(a + 1, a * 4)
print(-(-4611686018427387904))
n = 0
for i in range(100):
    n += 2 ** 60
print(n)
print(3 < big, big > 3, big == 2 ** 62)
print(7 & 3, 7 | 8, 7 ^ 2, -1 & 255)
