print(range(5), range(1, 5), range(0, 10, 2), range(5, 0, -1), range(-3))
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(-5, -1)))
print(list(range(0)), list(range(5, 1)), list(range(1, 5, -1)), list(range(-1, -5, -2)))
r = range(3, 20, 4)
print(r.start, r.stop, r.step, len(r), r[0], r[-1], r[2], bool(r), bool(range(0)))
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(-10)), len(range(7, 7)))
print(type(range(1)).__name__, type(iter(range(1))).__name__)
print(range(True, 3), range(0, 5, True))
class I:
    def __index__(self):
        return 4
print(range(I()), list(range(1, I())))
for args in [(), (1, 2, 3, 4), (1.5,), ("a",), (1, 2, 0), (None,)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range(1, step=2)
except TypeError:
    print("TypeError")
s = 0
for i in range(1000):
    s += i
print(s)
