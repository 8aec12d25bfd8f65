# with statement forms
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print("exit", self.name)
        return False
with CM("a"):
    print("body")
with CM("a") as x:
    print(x)
with CM("a") as x, CM("b") as y:
    print(x, y)
with CM("a"), CM("b"):
    print("two items")
with (CM("a") as x, CM("b") as y):
    print("parenthesised", x, y)
with (CM("a") as x,
      CM("b"),
      ):
    print("multi-line", x)
with (CM("p")):
    print("one in parens")
with (CM("p")) as q:
    print(q)
with CM("tu") as (u, v):
    print(u, v)
class L:
    def __enter__(self): return [1, 2]
    def __exit__(self, *a): pass
with L() as [f, g]:
    print(f, g)
d = {}
with L() as d['k']:
    pass
print(d)
with CM("one-line"): print("inline")
for src in ["with:\n    pass\n", "with a as:\n    pass\n", "with a as 1:\n    pass\n",
            "with (a as b) as c:\n    pass\n", "with a b:\n    pass\n", "with a,:\n    pass\n",
            "with (a, b):\n    pass\n", "with (a, b) as c:\n    pass\n", "with a as b.c, d[0]:\n    pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
