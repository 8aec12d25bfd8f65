print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))), list(reversed(b"ab")))
print(list(reversed({1: 2, 3: 4})), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
for bad in ({1, 2}, 5, iter([1]), None):
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError", e)
l = [1, 2, 3]
r = reversed(l)
l.pop()
print(list(r))
r = reversed([1, 2])
print(iter(r) is r, next(r), next(r))
try:
    next(r)
except StopIteration:
    print("StopIteration")
