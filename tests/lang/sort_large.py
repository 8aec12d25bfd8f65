import random
random.seed(5)
for n in (0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 257, 1000):
    l = [random.randrange(1000) for _ in range(n)]
    s = sorted(l)
    print(n, all(s[i] <= s[i + 1] for i in range(len(s) - 1)), len(s) == n, sum(s) == sum(l))
l = list(range(500))
print(sorted(l) == l, sorted(l, reverse=True) == l[::-1])
l = list(range(500, 0, -1))
l.sort()
print(l == list(range(1, 501)))
l = [x % 7 for x in range(300)]
l.sort()
print(l[:10], l[-10:])
l = [str(x) for x in range(200)]
l.sort()
print(l[:12])
l = [x / 7 for x in range(200, 0, -1)]
l.sort()
print(l[:3])
pairs = [(x % 10, -x) for x in range(300)]
pairs.sort()
print(pairs[:5], pairs[-3:])
