print([1, 2, 3], (1, 2), {1, 2}, {"a": 1})
print([], (), {})
print([[]], [()], ({},))
n = 3
print([n, n + 1], (n,), {n: n * 2})
print({1: "a", 1: "b"})
print({True, 1, 1.0})
print(len({"x": 1, "y": 2, **{"z": 3}}))
print([i for i in [*range(2), *[5]]])
