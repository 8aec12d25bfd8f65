# indentation errors
cases = [
    "x = 1\n  y = 2\n",
    "if 1:\npass\n",
    "if 1:\n    a = 1\n  b = 2\n",
    "def f():\n    x = 1\n      y = 2\n",
    "for i in x:\n\n",
    "class A:\n# c\nx = 1\n",
    "  x = 1\n",
    "while 1:\n    pass\n  else:\n    pass\n",
    "try:\n    pass\nexcept:\npass\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except IndentationError as e:
        print("IndentationError", isinstance(e, SyntaxError))
    except SyntaxError as e:
        print(type(e).__name__)
