# statements that are only valid in certain places
cases = [
    "break",
    "continue",
    "if x:\n    break\n",
    "for x in y:\n    pass\nelse:\n    continue\n",
    "while x:\n    def f():\n        continue\n",
    "while x:\n    class C:\n        break\n",
    "for x in y:\n    if z:\n        break\n",
    "while x:\n    try:\n        continue\n    finally:\n        break\n",
    "return 1",
    "class C:\n    return\n",
    "def f():\n    class C:\n        return 1\n",
    "def f():\n    return 1\n",
    "lambda: return",
    "yield",
    "x = yield 1",
    "class C:\n    yield\n",
    "def f():\n    class C:\n        x = yield\n",
    "def f():\n    lambda: (yield)\n",
    "[(yield) for x in y]",
    "def f():\n    [(yield) for x in y]\n",
    "def f():\n    ((yield) for x in y)\n",
    "def f():\n    [x for x in (yield)]\n",
    "await x",
    "def f():\n    await x\n",
    "async def f():\n    await x\n",
    "async def f():\n    def g():\n        await x\n",
    "async def f():\n    yield from x\n",
    "nonlocal x",
    "def f():\n    def g():\n        nonlocal q\n",
    "def f():\n    from m import *\n",
    "class C:\n    from m import *\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
