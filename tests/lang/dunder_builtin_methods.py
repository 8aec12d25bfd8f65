print([1, 2].__len__(), (1).__add__(2), (1).__add__("x"), "ab".__contains__("a"))
print([5, 6].__getitem__(1), {1: 2}.__getitem__(1), (3).__neg__(), "a".__mul__(3))
print((2).__lt__(3), "b".__gt__("a"), [1].__eq__([1]), (1).__eq__("1"))
it = [7, 8].__iter__()
print(it.__next__(), next(it))
d = {}
d.__setitem__("k", 1)
print(d, d.__len__())
d.__delitem__("k")
print(d)
class D(dict):
    def __getitem__(self, k):
        return ("D", super().__getitem__(k))
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
    def __contains__(self, k):
        return super().__contains__(k) or k == "always"
d = D()
d["a"] = 1
print(d["a"], "a" in d, "always" in d, "b" in d, dict.__getitem__(d, "a"))
class L(list):
    def __len__(self):
        return super().__len__() + 100
    def __iter__(self):
        return iter(["x"] + list(super().__iter__()))
l = L([1, 2])
print(len(l), list.__len__(l), list(l))
class I(int):
    def __add__(self, o):
        return ("I", super().__add__(o))
print(I(2) + 3, int.__add__(I(2), 3))
