# tuple, list, set and dict displays
print((), (1,), (1, 2), (1, 2,), 1, (1))
print([], [1], [1, 2, ], [[1], [2, [3]]])
print({1}, {1, 2, 2}, {1, }, set())
print({}, {'a': 1}, {'a': 1, 'b': 2, }, {1: {2: {3: 4}}})
print({**{'a': 1}}, {'a': 0, **{'a': 1}}, {**{'a': 1}, 'a': 2})
x = 1, 2, 3
print(x, type(x))
y = 1,
print(y)
print(len([
    1,
    2,
    3,
]))
print({
    'multi': 'line',
    'dict': [1,
             2],
})
print([(1, 2), (3, 4)], {(1, 2): [3]}, [{}, set(), ()])
print({1: 'a', True: 'b', 1.0: 'c'})
for src in ["[1, 2", "{1: 2, 3}", "{1, 2: 3}", "(1, 2,,)", "[,]", "{**a for a in b}",
            "{*a: 1}", "{a: *b}"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
