l = []
print(l, len(l), type(l).__name__, bool(l))
l = [1, "a", None, 2.5, (1,), [2]]
print(l, len(l), l[0], l[-1], l[-6])
print(list(), list((1, 2)), list("abc"), list(range(3)), list({1: 2}), list(x for x in "hi"))
l2 = list(l)
print(l2 == l, l2 is l)
for i in (6, -7, 2**80, -2**80):
    try:
        l[i]
    except IndexError as e:
        print("IndexError", e)
for i in ("a", 1.0, None):
    try:
        l[i]
    except TypeError as e:
        print("TypeError", e)
l[0] = 100
l[-1] = "last"
print(l)
try:
    l[10] = 1
except IndexError as e:
    print("IndexError", e)
del l[1]
del l[-1]
print(l)
try:
    del l[50]
except IndexError as e:
    print("IndexError", e)
print(l[True])
try:
    list(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
try:
    list(x=1)
except TypeError:
    print("TypeError")
