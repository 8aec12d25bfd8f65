# input that ends in the middle of a construct
cases = ["x = (", "x = [1, 2", "f(a,", "{'k':", "x = 1 +", "if x:", "def f():", "class C:",
         "for x in y:", "while 1:", "try:", "with a:", "x = \\", "s = '''abc", "lambda",
         "lambda x:", "x = [i for i in", "@deco", "if x:\n    pass\nelse:", "a.", "a[1:",
         "import", "from x import", "print(f'{x'", "x = {1,\n 2,\n", "def f(a,\n  b"]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
