def f(*args):
    return type(args).__name__, len(args)
print(f(), f(*[]), f(*range(100))[1])
def g(a, *args, b):
    return a, args, b
print(g(1, b=2), g(1, 2, 3, b=4))
def h(**kw):
    return len(kw)
print(h(**{}), h(**{"x": 1}, y=2))
def count(*a, **k):
    return len(a), len(k)
big = list(range(50))
print(count(*big, **{str(i): i for i in range(20)}))
try:
    h(**{1: 2})
except TypeError as e:
    print("TypeError")
