class Default(dict):
    def __missing__(self, key):
        return key * 2
d = Default(a=1)
print(d["a"], d["bb"], "bb" in d, len(d))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in "abca":
    c.add(ch)
print(sorted(c.items()), isinstance(c, dict), type(c).__name__)
print(c == {"a": 2, "b": 1, "c": 1}, list(c.keys()), c.pop("a"), c)
class Attr(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
a = Attr(x=5)
print(a.x, hasattr(a, "y"))
