class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 2 for x in Count(2)], max(Count(5)))
it = iter(Count(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
class Fresh:
    def __iter__(self):
        return iter("ab")
print(list(Fresh()), list(Fresh()), dict(zip(Fresh(), Count(2))))
class Gen:
    def __iter__(self):
        yield 1
        yield 2
print(list(Gen()), tuple(Gen()))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
class NoIter:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(NoIter())
except TypeError:
    print("TypeError None")
try:
    next(Fresh())
except TypeError as e:
    print("TypeError", e)
