c = compile("1 + 2", "<expr>", "eval")
print(eval(c))
c = compile("x = 40\ny = x + 2", "<s>", "exec")
ns = {}
exec(c, ns)
print(ns["y"])
exec(c)
print(y)
c = compile("q = 1", "f.py", mode="exec")
g = {}
exec(c, g)
print(g["q"])
try:
    compile("1 +", "<s>", "eval")
except SyntaxError:
    print("SyntaxError")
try:
    compile("1", "<s>", "bogus")
except ValueError as e:
    print("ValueError", e)
c = compile("print('single')", "<s>", "single")
exec(c)
c = compile("k * 2", "<s>", "eval")
print(eval(c, {"k": 21}))
