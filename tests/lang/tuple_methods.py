t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(5), t.count(1.0))
print(t.index(2), t.index(2, 2), t.index(2, 2, 4), t.index(1, -2), t.index(2, -100, 100))
for args in [(5,), (3, 3), (2, 4, 5), (1, 1, -1)]:
    try:
        t.index(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    t.index()
except TypeError:
    print("TypeError")
try:
    t.count()
except TypeError:
    print("TypeError")
print(((1, 2), [3]).index([3]))
