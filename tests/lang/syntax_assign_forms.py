# assignment statement forms
a = 1
b = c = d = 2
print(a, b, c, d)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q) = [3, 4]
[r, s] = (5, 6)
print(p, q, r, s)
(t, (u, v)), w = (7, (8, 9)), 10
print(t, u, v, w)
m = n, o = 1, 2
print(m, n, o)
i, = [1]
print(i)
[j] = "z"
print(j)
class O: pass
obj = O()
obj.attr = lst = [0, 0]
lst[0] = obj.attr[1] = 5
print(obj.attr, lst)
dd = {}
dd['k'], dd['j'] = 1, 2
print(sorted(dd.items()))
e = f = []
e.append(1)
print(f)
g = yield_like = (1, 2)
print(g)
h = 1; k = 2
print(h, k)
z = [1, 2, 3]
z[0], z[2] = z[2], z[0]
print(z)
