def trace(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args)
        return f(*args, **kwargs)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def deco(f):
        def w():
            return [f() for _ in range(n)]
        return w
    return deco
@repeat(3)
def one():
    return 1
print(one())
order = []
def d1(f):
    order.append("d1")
    return f
def d2(f):
    order.append("d2")
    return f
@d1
@d2
def g():
    pass
print(order)
def cls_deco(c):
    c.tag = "tagged"
    return c
@cls_deco
class K:
    pass
print(K.tag)
class M:
    @property
    def p(self):
        return 42
    @staticmethod
    def s():
        return "static"
print(M().p, M.s())
reg = {}
def register(name):
    def d(f):
        reg[name] = f
        return f
    return d
@register("x")
def fx():
    return "fx"
print(reg["x"]())
