# comparisons and hashing of bools against ints and floats
print(True == 1, False == 0, True == 1.0, True > False, False < 0.5, True >= 1)
print(hash(True), hash(False), hash(True) == hash(1) == hash(1.0))
d = {True: "t"}
d[1] = "one"
d[1.0] = "float one"
print(d, len(d))
s = {0, False, 0.0, -0.0}
print(s)
print([True, False].index(0), [1, 2].count(True), True in [1], 0 in [False])
print(sorted([True, False, 2, -1, 0.5]))
