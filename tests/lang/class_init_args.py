class A:
    def __init__(self, a, b=2, *rest, c=3, **kw):
        self.v = (a, b, rest, c, kw)
print(A(1).v)
print(A(1, 5, 6, 7, c=8, d=9).v)
try:
    A()
except TypeError:
    print("TypeError missing")
class Empty:
    pass
print(type(Empty()).__name__)
try:
    Empty(1)
except TypeError as e:
    print("TypeError", e)
try:
    Empty(x=1)
except TypeError:
    print("TypeError kw")
class OnlyNew:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
print(OnlyNew(1, 2).args)
