l = []
for i in range(20):
    l.append(i * i)
print(l)
l.extend([1, 2])
l.extend((3,))
l.extend(range(2))
l.extend("ab")
l.extend({9: 1})
l.extend(x for x in [7, 8])
l.extend([])
print(l, len(l))
m = [1, 2]
m.extend(m)
print(m)
m.append(m)
print(m)
try:
    m.extend(5)
except TypeError as e:
    print("TypeError", e)
try:
    m.append()
except TypeError:
    print("TypeError")
r = m.append(3)
print(r)
a = [1]
a += [2, 3]
a += (4,)
a += "xy"
a += range(2)
print(a)
b = a
b += [0]
print(a is b, a)
try:
    a + (1,)
except TypeError as e:
    print("TypeError", e)
print([1] + [2, 3], [] + [])
