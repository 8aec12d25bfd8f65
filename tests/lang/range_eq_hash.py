print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 10, 2) == range(0, 9, 2), range(1) == range(1, 2, 9))
print(range(0, 10, 2) == range(0, 10, 3), range(3) != range(4), range(3) == [0, 1, 2], range(3) == (0, 1, 2))
print(hash(range(0)) == hash(range(4, 4)), hash(range(0, 10, 2)) == hash(range(0, 9, 2)), hash(range(1, 2, 5)) == hash(range(1, 2)))
d = {range(3): "a"}
print(d[range(0, 3)])
try:
    range(3) < range(4)
except TypeError as e:
    print("TypeError", e)
print(sorted({range(2): 1}), range(3) in [range(0, 3)])
