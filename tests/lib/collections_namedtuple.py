from collections import namedtuple
P = namedtuple("Point", "x y")
p = P(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
q = P(y=5, x=4)
print(q, q._asdict(), q._replace(x=9), P._fields)
a, b = q
print(a, b, p + q, p * 2, 2 in p, list(reversed(p)))
Q = namedtuple("Q", ["a", "b", "c"])
print(Q(1, 2, 3), Q("x", b=[], c=None), hash(Q(1, 2, 3)) == hash((1, 2, 3)))
for bad in (lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: p.z):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
