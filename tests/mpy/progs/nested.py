# nested functions, closures, classes, generators, comprehensions, exceptions
def counter(start=0, *, step=1):
    n = start
    def inc():
        nonlocal n
        n += step
        return n
    return inc

c = counter(5, step=2)
print(c(), c(), c.__qualname__)

def deco(f):
    def wrap(*a, **k):
        return ("wrapped", f(*a, **k))
    return wrap

class Base:
    kind = "base"
    def __init__(self, x):
        self.x = x
    @property
    def double(self):
        return self.x * 2
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.x)

class Child(Base):
    kind = "child"
    @deco
    def m(self, y, z=3):
        return self.x + y + z
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return cls.kind
    class Inner:
        def who(self):
            return type(self).__qualname__

ch = Child(4)
print(ch, ch.double, ch.m(1), Child.s(), Child.c(), Child.Inner().who())

def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    yield from (x * 10 for x in range(2))
    return total

g = gen(3)
print(next(g), g.send(5), g.send(7), list(g))
print([x * y for x in range(3) for y in range(2) if x], {k: k * k for k in range(3)})
print({x % 3 for x in range(10)}, sum(x for x in range(5)))
adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])

def raiser(n):
    try:
        if n:
            raise KeyError(n)
        return "none"
    except KeyError as e:
        return "caught %r" % (e.args,)
    finally:
        print("finally", n)

print(raiser(0), raiser(1))
with open(__file__) if False else __import__("io").StringIO("ctx") as f:
    print(f.read())
try:
    [][1]
except IndexError as e:
    print(type(e).__name__)
def kw(a, /, b, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw))
print(kw(1, 2, 3, c=5, e=6))
async def co():
    return 1
print(type(co).__name__)
x = 10
def uses_global():
    global x
    x += 1
    return x
print(uses_global(), uses_global())
assert x == 12, "assert message"
print("done")
