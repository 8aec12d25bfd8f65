# divmod() on all number types
for a in [17, -17, 2 ** 80 + 5, True]:
    for b in [5, -5, 2 ** 40, 2.5, -0.5, True]:
        print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0), (2 ** 80, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError")
try:
    divmod(1j, 1)
except TypeError:
    print("TypeError")
