x = 10
print(eval("x + 1"))
print(eval("y * 2", {"y": 21}))
g = {"a": 1}
exec("b = a + 1", g)
print(g["b"])
l = {}
exec("c = 3", {}, l)
print(l)
exec("x = 99")
print(x)
code = compile("1 + 2", "<s>", "eval")
print(eval(code))
code = compile("z = 7", "<s>", "exec")
exec(code)
print(z)
def f():
    v = 5
    w = [1]
    return sorted(locals().items())
print(f())
print("x" in globals(), globals()["x"])
exec("def h(): return 'from exec'")
print(h())
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
ns = {}
exec("class K:\n    q = 1", ns)
print(ns["K"].q)
print(eval("[i*i for i in range(4)]"))
