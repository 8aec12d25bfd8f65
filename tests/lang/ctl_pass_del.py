def f():
    pass
class C:
    pass
print(f(), C.__name__)
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
l = [1, 2, 3, 4]
del l[0]
print(l)
del l[1:]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    a
except NameError:
    print("a gone")
def g():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(g())
