class C:
    x = "class"
    items = []
c1, c2 = C(), C()
c1.x = "instance"
print(c1.x, c2.x, C.x)
del c1.x
print(c1.x)
c1.items.append(1)
print(c2.items, C.items)
c2.items = [2]
print(c1.items, c2.items)
C.x = "changed"
print(c1.x, c2.x)
try:
    del c1.x
except AttributeError:
    print("AttributeError")
