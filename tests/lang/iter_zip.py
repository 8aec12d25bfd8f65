print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2], "abc")), list(zip("ab", range(5), [True, False, None])))
z = zip([1], [2])
print(type(z).__name__, iter(z) is z, next(z), list(z))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
for a, b in [([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2, 3])]:
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print("ValueError", e)
try:
    list(zip([1, 2], [1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError", e)
try:
    zip([1], foo=1)
except TypeError:
    print("TypeError")
it = iter([1, 2, 3, 4])
print(list(zip(it, it)))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
