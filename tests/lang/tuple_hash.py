print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash((1, 2)) != hash((2, 1)))
d = {(1, 2): "a", (1, (2, 3)): "b", (): "c"}
print(d[(1, 2)], d[1, (2, 3)], d[()])
print((1, 2) in {(1, 2)}, hash((1.0, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    {(1, {}): 2}
except TypeError as e:
    print("TypeError", e)
s = {(1, "a"), (1, "a"), (2, "b")}
print(len(s))
print(type(hash((1, 2))).__name__)
