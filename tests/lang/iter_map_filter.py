print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(abs, [])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
m = map(len, ["a", "bb"])
print(type(m).__name__, next(m), list(m), list(m))
try:
    map(len)
except TypeError as e:
    print("TypeError", e)
try:
    list(map(5, [1]))
except TypeError:
    print("TypeError")
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
f = filter(str.isdigit, "a1b2")
print(type(f).__name__, next(f), list(f))
try:
    filter(None)
except TypeError:
    print("TypeError")
try:
    filter(None, 5)
except TypeError:
    print("TypeError")
print(sum(map(int, "123")), list(filter(bool, map(lambda x: x - 1, [1, 2, 1]))))
