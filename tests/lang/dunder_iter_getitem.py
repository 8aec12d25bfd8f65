class Legacy:
    def __init__(self, data): self.data = data
    def __getitem__(self, i):
        return self.data[i]
l = Legacy([5, 6, 7])
print(list(l), [x for x in l], sorted(l, reverse=True), 6 in l)
it = iter(l)
print(next(it), list(it))
class Stop:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(Stop()))
class Err:
    def __getitem__(self, i):
        raise KeyError("k")
try:
    list(Err())
except KeyError:
    print("KeyError")
