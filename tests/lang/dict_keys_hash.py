d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d[0] = "zero"
print(d[False], d[0.0])
d[(1, 2)] = "t"
d[frozenset({1, 2})] = "f"
d["s"] = "str"
d[b"s"] = "bytes"
d[None] = "none"
print(d[(1, 2)], d[frozenset([2, 1])], d["s"], d[b"s"], d[None])
print(d)
big = {2**100: "big", -2**70: "neg"}
print(big[2**100], big[-2**70], (2**100) in big)
keys = [str(i) for i in range(50)]
dd = {k: int(k) for k in keys}
print(sum(dd[k] for k in keys), len(dd))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v
hd = {H(i): i for i in range(10)}
print(hd[H(7)], H(11) in hd, len(hd))
