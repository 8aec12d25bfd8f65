print(len([1, 2]), len(()), len("abc"), len("\u263a"), len(b"ab"), len({1: 2}), len({1}), len(range(5)), len(bytearray(3)), len({}.keys()))
class L:
    def __len__(self):
        return 7
print(len(L()))
for bad in (1, None, iter([]), len):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError", e)
try:
    len()
except TypeError:
    print("TypeError")
try:
    len([], [])
except TypeError:
    print("TypeError")
