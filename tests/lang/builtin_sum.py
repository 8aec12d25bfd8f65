print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1.5, 2.5]), sum([1, 2.5]), sum([0.1] * 10), sum((1, 2), 10), sum([[1], [2]], []))
print(sum([2**62, 2**62, 2**62]), sum([-2**62, -2**62]), sum([1, 2], start=5), sum([True, True, 1]), sum([0.5, 1, 2**70]))
print(sum([1j, 2]), sum([(1,), (2,)], ()), sum(x * x for x in range(5)), sum({1: 2, 3: 4}), sum([1e308, 1e308]))
print(sum([1, 2.0, 3]), sum([2.0, 2**80]), sum([0.1, 0.2, 0.3]), repr(sum([1e16, 1.0, -1e16])))
for args in [(["a"], ""), ([b"a"], b""), ([bytearray()], bytearray())]:
    try:
        sum(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError", e)
try:
    sum(5)
except TypeError as e:
    print("TypeError", e)
try:
    sum()
except TypeError:
    print("TypeError")
class A:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return A(self.v + (o.v if isinstance(o, A) else o))
    __radd__ = __add__
print(sum([A(1), A(2)]).v, sum([A(1)], A(10)).v)
