l = list(range(10))
print(l[2], l[-1], l[2:5], l[::3], l[::-1][:3], l[:-7])
l[1:3] = ["a", "b", "c"]
print(l)
del l[::2]
print(l)
s = "hello"
print(s[1:], s[:1], s[-3:-1], s[::-1])
d = {(1, 2): "tuple key"}
print(d[1, 2])
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1], g[1:2], g[1:2:3], g[:, 1], g[...])
t = (1, 2, 3)
print(t[1:])
m = [[1, 2], [3, 4]]
m[1][0] += 10
print(m)
