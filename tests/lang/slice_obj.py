s = slice(5)
print(s, s.start, s.stop, s.step, type(s).__name__)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(None, None, -1), slice("a", [1], 2.5), slice(1, 2))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    slice()
except TypeError as e:
    print("TypeError", e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    s.start = 5
except AttributeError:
    print("AttributeError")
class C:
    def __getitem__(self, k):
        return k
c = C()
print(c[1:2], c[::3], c[:], c[1:2, 3], c[..., 1], c[::])
print("abcdef"[slice(1, None, 2)], [1, 2, 3][slice(-1, None, -1)])
