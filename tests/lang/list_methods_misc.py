l = [3, 1, 2]
c = l.copy()
c.append(4)
print(l, c)
l.reverse()
print(l)
l.clear()
print(l, len(l))
l.append(5)
print(l)
print([].copy(), [1].reverse(), [2].clear())
e = []
e.reverse()
print(e)
l = list(range(7))
l.reverse()
print(l)
x = [1, 2, 3]
y = x
x.clear()
print(y)
