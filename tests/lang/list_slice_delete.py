l = list(range(10))
del l[2:4]
print(l)
del l[::2]
print(l)
l = list(range(10))
del l[::-3]
print(l)
l = list(range(10))
del l[1:8:3]
print(l)
del l[100:]
del l[5:2]
print(l)
del l[:]
print(l)
l = list(range(10))
del l[-2:]
del l[:-6]
print(l)
l = list(range(20))
del l[::-1]
print(l)
l = list(range(7))
del l[6:0:-2]
print(l)
