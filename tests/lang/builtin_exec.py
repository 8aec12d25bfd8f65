exec("a = 5")
print(a)
g = {}
exec("b = 6\ndef f():\n    return b * 2", g)
print(g["b"], g["f"](), sorted(g))
l = {}
exec("c = 7", g, l)
print(l, "c" in g)
print(exec("1"))
def f():
    v = 1
    exec("print(v + 1)")
f()
try:
    exec("def")
except SyntaxError:
    print("SyntaxError")
try:
    exec("raise ValueError('inside')")
except ValueError as e:
    print("ValueError", e)
exec("for i in range(3): print(i)")
ns = {"x": 2}
exec("x = x ** 10", ns)
print(ns["x"])
exec(b"print('bytes source')")
exec("import sys as _s", ns)
print("_s" in ns)
