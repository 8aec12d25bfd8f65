sq = lambda x: x * x
print(sq(5))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, b=2))
add = lambda a, b=1: a + b
print(add(1), add(1, 2))
print(sorted([3, 1, 2], key=lambda v: -v))
print(list(map(lambda x: x + 1, [1, 2])))
make = lambda n: lambda x: x + n
print(make(10)(5))
print((lambda x: (lambda y: x * y))(3)(4))
