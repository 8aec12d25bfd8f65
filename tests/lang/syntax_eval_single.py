# compile() modes: exec, eval, single
print(eval("1 + 2"), eval("  4"), eval("\t5"), eval("(1,\n 2)"), eval("6\n\n"), eval("7  # c"))
print(eval("1, 2"), eval("1,"), eval("[x for x in 'ab']"), eval("lambda: 8")())
print(eval("x if x else 0", {"x": 9}))
for src in ["", "1; 2", "x = 1", "1\n2", "import sys", "if 1: 2", "*a", "yield 1", "1 +",
            "pass", "  \n  1", "def f(): pass"]:
    try:
        eval(src)
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
g = {}
exec(compile("a = 1", "<s>", "single"), g)
exec(compile("b = 2; c = 3", "<s>", "single"), g)
exec(compile("if a:\n    d = 4\n", "<s>", "single"), g)
exec(compile("for i in range(2):\n    e = i\n\n", "<s>", "single"), g)
print(g['a'], g['b'], g['c'], g['d'], g['e'])
for src in ["a = 1\nb = 2\n", "if 1:\n    pass\nx = 1\n", "x = 1\n\n\ny = 2\n", "def f():\n    pass\nf()\n"]:
    try:
        compile(src, "<s>", "single")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
code = compile("q = 5\nr = q * 2\n", "<s>", "exec")
exec(code, g)
print(g['q'], g['r'])
print(eval(compile("q + r", "<s>", "eval"), g))
exec("def ff(n):\n    return n + 1\n", g)
print(g['ff'](1))
