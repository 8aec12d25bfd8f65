# lambda forms
print((lambda: 1)())
print((lambda x: x + 1)(1), (lambda x, y: x * y)(3, 4))
print((lambda x=5: x)(), (lambda x, y=2: x + y)(1), (lambda *a: a)(1, 2))
print((lambda **k: sorted(k))(a=1, b=2), (lambda *a, **k: (a, k))(1, z=2))
print((lambda a, *, b: (a, b))(1, b=2), (lambda a, /, b: (a, b))(1, 2))
print((lambda a, b=1, *c, d, e=2, **f: (a, b, c, d, e, f))(0, d=4))
add = lambda a: lambda b: a + b
print(add(2)(3))
print(sorted([3, 1, 2], key=lambda v: -v))
print((lambda x: (lambda y: x * y))(6)(7))
print((lambda: (yield 1))().__next__())
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
print((lambda x: x if x else "zero")(0))
for src in ["lambda x: yield", "lambda (x): x", "lambda x=1, y: 0", "lambda *: 0",
            "lambda x: x = 1", "lambda a, a: 0", "lambda x: return x"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
