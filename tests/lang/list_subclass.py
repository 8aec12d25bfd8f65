class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
print(l, l.total(), len(l), l[0], l[-1], l[1:], isinstance(l, list), type(l).__name__)
l.append(4)
l.extend([5])
print(l, l.total(), l.pop(), l.index(2), 3 in l)
l.sort(reverse=True)
print(l)
print(L(), L("ab") + ["c"], sorted(L([3, 1, 2])))
class M(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1
m = M([5, 6])
print(m, m.extra, list(m))
