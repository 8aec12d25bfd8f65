print([1, 2] * 3, 3 * [0], [1] * 0, [1] * -5, [] * 10, ["a"] * 1)
l = [[]] * 3
l[0].append(1)
print(l)
m = [1, 2]
m *= 2
print(m)
n = m
n *= 0
print(m, n is m)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    [1] * "a"
except TypeError as e:
    print("TypeError", e)
print([1, 2] * True, [1] * False)
class I:
    def __index__(self):
        return 2
print([7] * I())
try:
    [1] * (2**100)
except (MemoryError, OverflowError):
    print("too big")
