l = [1, 2, 3, 2, 1]
l.remove(2)
print(l)
l.remove(1.0)
print(l)
try:
    l.remove(9)
except ValueError as e:
    print("ValueError", e)
print(l.index(2), l.index(1), l.index(2, 1), l.index(2, -3, 10))
for args in [("z",), (3, 0, 1), (2, 5)]:
    try:
        l.index(*args)
    except ValueError as e:
        print("ValueError", e)
print(l.count(2), [1, 1, 1.0, True].count(1), [].count(0), [[1], [1]].count([1]))
try:
    l.index()
except TypeError:
    print("TypeError")
l = ["a", "b"]
l.remove("b")
print(l)
