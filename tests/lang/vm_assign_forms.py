a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q] = "ab"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(4)
print(init, last)
h, *mid, t = "hello"
print(h, mid, t)
a1, *b1 = [1]
print(a1, b1)
l = [0, 0, 0]
l[0], l[2] = 7, 9
print(l)
class O: pass
o = O()
o.x, o.y = 3, 4
print(o.x, o.y)
i = 0
l = [10, 20]
i, l[i] = 1, 99
print(i, l)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print(e)
try:
    u, *v, w = [1]
except ValueError as e:
    print(e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError")
