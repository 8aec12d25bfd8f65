srcs = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    nonlocal y\n",
    "nonlocal z\n",
    "def f(a):\n    global a\n",
    "return 1\n",
    "break\n",
    "continue\n",
    "def f():\n    yield = 1\n",
    "class C:\n    return 1\n",
    "def f(a, a):\n    pass\n",
    "x = yield 1\n",
    "def f():\n    await g()\n",
]
for s in srcs:
    try:
        exec(s)
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError")
for s in srcs[:5]:
    try:
        exec(s)
    except SyntaxError as e:
        print(e.msg if hasattr(e, "msg") else e)
