# invalid assignment targets
cases = ["1 = x", "'s' = x", "None = 1", "True = 1", "False = 1", "... = 1", "f() = 1",
         "a + b = 1", "-a = 1", "not a = 1", "a and b = 1", "a < b = 1", "a if b else c = 1",
         "lambda: 1 = 1", "(x := 1) = 2", "{} = 1", "{1} = 1", "[x for x in y] = 1",
         "(x for x in y) = 1", "{x: 1 for x in y} = 1", "f'x' = 1", "x = yield = 1",
         "(a, 1) = 2", "[a, f()] = 3", "a, b + 1 = c", "x = 1 = y", "a = b = f() = c",
         "__debug__ = 1", "obj.None = 1", "for 1 in x: pass", "for f() in x: pass",
         "with a as 1: pass", "with a as (b, 1): pass", "[x for 1 in y]", "del 1", "del f()",
         "del a + b", "del (a, 1)", "del *a", "import a as 1", "(yield) = 1", "await x = 1"]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
