# globals read and written in loops stay right while the globals dict changes shape
x = 0
for i in range(50):
    x += i
    globals()["g%d" % i] = i
print(x, g49)
def bump():
    global x
    for _ in range(3):
        x += 1
    return x
print(bump())
del x
try:
    bump()
except NameError as e:
    print(e)
x = 100
print(bump())
for k in list(globals()):
    if k.startswith("g") and k[1:].isdigit():
        del globals()[k]
print(bump(), "g1" in globals())
def reader():
    return y
y = 1
print(reader())
globals()["y"] = 2
print(reader())
del y
y = 3
print(reader())
ns = {}
exec("z = 1\nfor j in range(3):\n    z = z * 2\n", ns)
print(ns["z"], "z" in globals())
len = lambda o: "shadow"
print(len([]))
del len
print(len([1, 2]))
