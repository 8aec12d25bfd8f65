class Sq:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        if i >= 5:
            raise IndexError("out")
        return i * i
s = Sq()
print(s[3], s[1:4], s[::2], s[-1])
print(list(s), 16 in s, 15 in s)
a, b, *c = s
print(a, b, c)
class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[1, 2], g["k"], g[...], g[1:2, 3])
try:
    object()[0]
except TypeError as e:
    print("TypeError", e)
