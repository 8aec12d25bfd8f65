def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], 3, *(4,)))
print(f(**{"a": 1}, b=2))
print(f(1, *range(3), x=5, **{"y": 6}))
args = (1, 2)
kwargs = {"sep": "-"}
print(*args, **kwargs)
print(*"abc")
print([*range(3), *"xy"])
print((*[1, 2],))
print({*[1, 1, 2]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2], **{"c": 3}))
try:
    g(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print(e)
try:
    g(*[1, 2, 3, 4])
except TypeError as e:
    print(e)
try:
    g(**{"b": 1}, b=2)
except TypeError as e:
    print("TypeError")
