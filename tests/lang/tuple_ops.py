a = (1, 2)
b = (3,)
print(a + b, a + (), () + a, a * 3, 3 * a, a * 0, a * -1, () * 5)
x = a
x += b
print(x, a)
x *= 2
print(x)
try:
    a + [3]
except TypeError as e:
    print("TypeError", e)
try:
    a * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    a * "x"
except TypeError as e:
    print("TypeError", e)
print(2 in a, 5 in a, 5 not in a, "x" in ("x", "y"))
print(1.0 in a, [1] in ([1], [2]))
nan = float("nan")
print(nan in (nan,), (nan,) == (nan,))
