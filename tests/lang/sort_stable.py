data = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (2, "e"), (1, "f")] * 7
out = sorted(data, key=lambda p: p[0])
print(out)
out = sorted(data, key=lambda p: p[0], reverse=True)
print(out)
words = "the quick brown fox jumps over the lazy dog a be see".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
l = list(range(100))
l.sort(key=lambda x: x % 3)
print(l)
l.sort(key=lambda x: x % 5, reverse=True)
print(l)
class K:
    def __init__(self, k, v):
        self.k, self.v = k, v
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return "%d%s" % (self.k, self.v)
print(sorted([K(2, "a"), K(1, "b"), K(2, "c"), K(1, "d"), K(0, "e")]))
print(max([K(2, "a"), K(2, "b")]), min([K(1, "a"), K(1, "b")]))
