# yield inside a comprehension or generator expression is a SyntaxError (3.8+)
for src in ["def f():\n    return [(yield x) for x in y]\n", "def f():\n    return ((yield x) for x in y)\n",
            "def f():\n    return {(yield x) for x in y}\n", "def f():\n    return {x: (yield) for x in y}\n",
            "def f():\n    return [x for x in (yield)]\n"]:
    try:
        exec(src)
        print("ok")
    except SyntaxError as e:
        print(e.msg)
