# subscripts and slices: what __getitem__ receives
class K:
    def __getitem__(self, key):
        return key
k = K()
print(k[1], k['a'], k[1, 2], k[1,], k[()])
print(k[:], k[1:], k[:2], k[1:2], k[::], k[::3], k[1:2:3], k[:2:], k[1::-1])
print(k[1:2, 3], k[:, ::2], k[..., 0], k[...])
print(k[-1], k[a := 5], a)
r = list(range(10))
print(r[2:5], r[::-1], r[-3:], r[1:8:3], r[:-7])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
d = {(1, 2): 'tuple key'}
print(d[1, 2])
s = "hello"
print(s[1:4], s[::2], s[-1])
r[1:3] = [9, 9, 9]
print(r)
del r[::2]
print(r)
for src in ["k[]", "k[1:2:3:4]", "k[:=1]"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
