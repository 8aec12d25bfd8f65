# SyntaxError carries the line of the error
cases = [
    "x = 1\ny = 2 +\n",
    "a = (1,\n     2,\n     3\n",
    "def f():\n    return 1\n\nx = [1, 2\n\nprint(x)\n",
    "x = 1\n\n\nif x\n    pass\n",
    "s = '''abc\ndef\n",
    "s = 'abc\n",
    "x = 1\n  y = 2\n",
    "if 1:\n    a = 1\n  b = 2\n",
    "for i in x:\nprint(i)\n",
    "x = 1\ny = 0b12\n",
    "a = 1\nb = 2\nc = f(d=1, d=2)\n",
    "def f(a, a):\n    pass\n",
    "x = 1\nwhile x:\n    pass\nbreak\n",
    "\n\n\nreturn 5\n",
    "x = 1\ny = [1, 2)\n",
    "x = \\\n  1 +\n",
    "f'{}'\n",
    "a = 1\nb = f'''\n{}'''\n",
    "x = 1\n1 = x\n",
    "pass\ndel f()\n",
    "try:\n    pass\n",
    "class C:\n    def m(self):\n        x = $\n",
]
for src in cases:
    try:
        compile(src, "<test>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.lineno, e.filename)
try:
    exec("x = 1 +")
except SyntaxError as e:
    print(type(e).__name__, e.lineno, e.filename, e.args[0] == e.msg)
