print(eval("1 + 1"))
print(eval("  3 * 4  "))
print(eval("(lambda: 5)()"))
g = {"v": 2}
l = {"v": 3}
print(eval("v", g), eval("v", g, l))
exec("w = v * 10", g, l)
print(l["w"], "w" in g)
src = """
def fn(n):
    return n * 2
result = fn(21)
"""
ns = {}
exec(src, ns)
print(ns["result"])
exec("import sys as _s")
print(type(_s).__name__)
exec("for i in range(2): print('exec loop', i)")
try:
    eval("x y")
except SyntaxError:
    print("SyntaxError")
try:
    exec("undefined_name_q")
except NameError as e:
    print(e)
