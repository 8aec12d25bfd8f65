class Evens:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Evens(), 3 in Evens(), 3 not in Evens())
class Truthy:
    def __contains__(self, x):
        return "yes"
print(1 in Truthy())
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in ByIter(), 5 in ByIter())
class ByGetitem:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(2 in ByGetitem(), 7 in ByGetitem())
try:
    1 in object()
except TypeError as e:
    print("TypeError")
