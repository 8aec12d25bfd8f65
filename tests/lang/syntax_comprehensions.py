# list, set, dict comprehensions and generator expressions
print([x * x for x in range(5)])
print([x for x in range(10) if x % 2 if x > 3])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x % 3 for x in range(10)})
print({x: x * x for x in range(4)})
print({k: v for k, v in [('a', 1), ('b', 2)]})
print(list(x + 1 for x in range(3)), sum(x for x in range(5)))
print([a + b for a, b in [(1, 2), (3, 4)]])
print([x for (x, y) in [(1, 2)]], [h for h, *t in [(1, 2, 3)]])
print([x for x in [1, 2, 3] if x != 2 for y in "ab"])
print([i for i in range(3)][::-1], [(lambda: i)() for i in range(3)])
g = (x for x in range(3))
print(next(g), list(g))
x = 'outer'
print([x for x in 'inner'], x)
print([[i, j] for i in range(2) for j in range(2) if i != j])
print([x if x else 'z' for x in [0, 1]])
print(list(zip(*[[1, 2], [3, 4]])))
for src in ["[x for x in]", "[for x in y]", "[x for 1 in y]", "[*x for x in y]",
            "{**x for x in y}", "[x for x in y if]", "[x for x in a if b else c]",
            "[x async for x in y]", "[(yield) for x in y]", "[x for x in (yield)]"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
