# conditional expressions
x = 5
print("big" if x > 3 else "small", "a" if x < 0 else "b" if x < 10 else "c")
print(1 if True else 2 if False else 3, (1 if False else 2) if True else 3)
f = lambda n: "even" if n % 2 == 0 else "odd"
print([f(i) for i in range(4)])
print([i if i % 2 else -i for i in range(5)])
print(x if x else 0, 0 if not x else x)
y = 1 if x else (yield_ := 2)
print(y)
print(((lambda: 1) if x else (lambda: 2))(), (lambda: 1 if x else 2)())
g = lambda a: a if a else lambda: 0
print(g(3), g(0)())
for src in ["1 if 2", "1 if else 2", "if 1 else 2", "x = 1 if 2 else"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
