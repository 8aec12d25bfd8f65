it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class Counter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i == 2:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter()))
c = Counter()
while True:
    try:
        print("item", next(c))
    except StopIteration:
        break
