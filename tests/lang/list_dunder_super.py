class L(list):
    def __getitem__(self, i):
        return ("got", super().__getitem__(i))
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 10)
    def __delitem__(self, i):
        print("deleting", i)
        super().__delitem__(i)
    def __len__(self):
        return super().__len__() + 100
    def __contains__(self, x):
        return super().__contains__(x) or x == "magic"
l = L([1, 2, 3])
print(l[0], l[1:], len(l), 2 in l, "magic" in l, 9 in l)
l[0] = 5
del l[1]
print(list(l), list.__getitem__(l, 0), list.__len__(l))
class T(tuple):
    def __getitem__(self, i):
        return super().__getitem__(i) * 2
    def __len__(self):
        return tuple.__len__(self) * 3
t = T((1, 2))
print(t[0], t[1], len(t), t.__contains__(2), tuple.__getitem__(t, 1))
class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) + 1
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
d = D()
d["a"] = 5
print(dict(d), dict.__getitem__(d, "a"), d.__contains__("a"), d.__len__())
