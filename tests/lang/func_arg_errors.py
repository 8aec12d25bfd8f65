def f(x, y):
    pass
def d(x, y=1):
    pass
def k(a, *, b):
    pass
def p(a, /, b):
    pass
def z():
    pass
def one(a):
    pass
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: d(1, 2, 3),
    lambda: f(1, 2, z=3),
    lambda: f(1, x=2),
    lambda: k(1),
    lambda: k(1, 2),
    lambda: k(1, 2, b=3),
    lambda: p(a=1, b=2),
    lambda: z(1),
    lambda: one(1, 2),
    lambda: one(),
    lambda: f(y=1),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(e)
def three(a, b, c):
    pass
try:
    three()
except TypeError as e:
    print(e)
def twokw(*, a, b):
    pass
try:
    twokw()
except TypeError as e:
    print(e)
class C:
    def m(self, x):
        pass
try:
    C().m()
except TypeError as e:
    print(e)
try:
    C().m(1, 2)
except TypeError as e:
    print(e)
