# int() with a base argument: validation and errors
for b in [0, 2, 8, 10, 16, 36]:
    print(b, int("10", b))
for b in [1, -1, 37, 100]:
    try:
        int("10", b)
    except ValueError as e:
        print(b, "ValueError", e)
for x in [10, 1.5, None, [1]]:
    try:
        int(x, 10)
    except TypeError as e:
        print(type(x).__name__, "TypeError", e)
try:
    int("10", "2")
except TypeError as e:
    print("TypeError")
print(int(), int(True), int(False), int(-7))
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
try:
    int([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    int(1j)
except TypeError as e:
    print("TypeError", e)
