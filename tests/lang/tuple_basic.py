# tuple creation, repr, len, indexing
t = ()
print(t, len(t), type(t).__name__)
t = (1,)
print(t, len(t))
t = 1, 2, 3
print(t, len(t), t[0], t[-1], t[-3])
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple((4, 5)))
print(tuple(x * x for x in range(4)))
print(((1, 2), (3,), ()))
print(bool(()), bool((0,)))
for i in (3, -4, 10**20):
    try:
        t[i]
    except IndexError as e:
        print("IndexError", e)
try:
    t["a"]
except TypeError as e:
    print("TypeError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError", e)
try:
    tuple(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    tuple(5)
except TypeError as e:
    print("TypeError", e)
print(t[True], t[False])
print((1, "a", None, 2.5, [1]))
