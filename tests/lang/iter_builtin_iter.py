it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
c = iter(counter, 100)
print(next(c), type(c).__name__)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError", e)
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), sum(It()), sorted(It(), reverse=True), tuple(It()), set(It()), dict.fromkeys(It()))
class GI:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return chr(97 + i)
print(list(GI()), list(iter(GI())))
print(list(iter(iter("ab"))), list(iter({1: 2})), list(iter({5})))
