# skip-chip: deep nesting needs more C stack than the chip has
# deep but legal nesting parses; too many brackets is a SyntaxError, never a crash
print(eval("(" * 50 + "1" + ")" * 50))
print(eval("[" * 50 + "]" * 50))
print(eval("-" * 300 + "1"), eval("not " * 301 + "0"), eval("~" * 200 + "5"))
print(len(eval("[" + "1, " * 2000 + "]")))
print(eval("+".join(["1"] * 2000)))
print(eval(" if 1 else ".join(["2"] * 50)))
src = "x = 0\n" + "".join("    " * i + "if True:\n" for i in range(50)) + "    " * 50 + "x = 1\n"
d = {}
exec(src, d)
print(d['x'])
src = "def f0(): return 0\n" + "".join("def f%d(): return f%d() + 1\n" % (i, i - 1) for i in range(1, 30))
exec(src, d)
print(d['f29']())
for src in ["(" * 201 + ")" * 201, "[" * 250, "{" * 300 + "}" * 300]:
    try:
        compile(src, "<s>", "eval")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
src = "".join(" " * i + "if 1:\n" for i in range(101)) + " " * 101 + "pass\n"
try:
    compile(src, "<s>", "exec")
    print("ok")
except SyntaxError as e:
    print(type(e).__name__)
