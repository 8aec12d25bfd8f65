class C:
    def m(self, a, b=2, *rest, c=3, **kw):
        return a, b, rest, c, sorted(kw)
o = C()
print(o.m(1))
print(o.m(1, 5, 6, 7, c=0, d=1))
print(o.m(a=9))
print(o.m(*[1, 2, 3], **{"c": 4, "e": 5}))
try:
    o.m()
except TypeError as e:
    print(e)
try:
    o.m(1, a=2)
except TypeError as e:
    print(e)
print(sorted([3, 1, 2], reverse=True))
print("a,b".split(",", maxsplit=1))
