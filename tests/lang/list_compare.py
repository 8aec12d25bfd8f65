print([1, 2] == [1, 2], [1, 2] != [1, 3], [1] == [1, 2], [] == [])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1] <= [1], [2] >= [3])
print([1, 2] == (1, 2), [1] == 1, [[1]] == [[1]], [[1, 2]] < [[1, 3]])
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError", e)
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError", e)
print([1, "a"] == [1, 2], [1.0] == [1], [float("nan")] == [float("nan")])
x = float("nan")
print([x] == [x], x in [x])
