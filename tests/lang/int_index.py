# ints and __index__ as sequence indices
lst = [10, 20, 30]
print(lst[0], lst[-1], lst[True], "abc"[-3])

class Idx:
    def __index__(self):
        return 1

print(lst[Idx()], "xyz"[Idx()], (1, 2, 3)[Idx()], range(10)[Idx()])
for bad in [3, -4, 2 ** 100, -(2 ** 100)]:
    try:
        print(lst[bad])
    except IndexError as e:
        print("IndexError", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError", e)
try:
    (1, 2)[2]
except IndexError as e:
    print("IndexError", e)
try:
    lst[1.0]
except TypeError as e:
    print("TypeError", e)
try:
    lst["1"]
except TypeError as e:
    print("TypeError", e)
print(lst[1:2 ** 100], lst[-(2 ** 100):1])
