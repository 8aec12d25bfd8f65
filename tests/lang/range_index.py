r = range(10, 30, 5)
print(r[0], r[1], r[-1], r[-4], r[True])
for i in (4, -5, 2**70):
    try:
        r[i]
    except IndexError as e:
        print("IndexError", e)
try:
    r["a"]
except TypeError as e:
    print("TypeError", e)
try:
    r[1.0]
except TypeError as e:
    print("TypeError", e)
print(r.index(15), r.count(15), r.count(16), r.count(15.0), r.index(25.0))
try:
    r.index(16)
except ValueError as e:
    print("ValueError", e)
try:
    r.index("x")
except ValueError:
    print("ValueError")
r = range(10, 0, -2)
print(r.index(4), r.count(10), r.count(0), list(r))
try:
    r[0] = 1
except TypeError:
    print("TypeError")
