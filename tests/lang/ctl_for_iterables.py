for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, c in enumerate("xy"):
    print(i, c)
for a, b in zip([1, 2], "pq"):
    print(a, b)
for x in reversed([1, 2, 3]):
    print(x)
for n in range(10, 0, -3):
    print(n)
for ch in b"hi":
    print(ch)
for t in (1,):
    print(t)
s = {3}
for e in s:
    print(e)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n * 10
for v in It():
    print(v)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
for v in Seq():
    print(v)
try:
    for z in 5:
        pass
except TypeError as e:
    print(e)
