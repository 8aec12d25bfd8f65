def f():
    x = 1
    exec("y = x + 1")
    return x
print(f())
g = {"__builtins__": __builtins__} if False else {}
exec("a = 1\nb = a + 1", g)
print(g["b"])
l = {}
exec("def inner():\n    return 42\nres = inner()", {}, l)
print(l["res"])
code = "total = 0\nfor i in range(4):\n    total += i"
ns = {}
exec(code, ns)
print(ns["total"])
print(eval("lambda q: q * 2")(21))
