# chip-float: double-precision digits
# complex powers
print((1 + 2j) ** 2, (1 + 2j) ** 3, (1 + 1j) ** -1, (1 + 1j) ** 0, 1j ** 4, (2 + 0j) ** 10)
print((1 + 1j) ** 0.5, (-1 + 0j) ** 0.5, 2 ** (1j), (1j) ** (1j), (1 + 2j) ** (2 + 1j))
print(0j ** 0, 0j ** 2, 0j ** 1.5, pow(1 + 1j, 2), (3 + 4j) ** 100.5 == (3 + 4j) ** 100.5)
for e in [-1, -1.5, 1j, -2 + 1j]:
    try:
        0j ** e
    except ZeroDivisionError as err:
        print("ZeroDivisionError", err)
try:
    (10 + 10j) ** 1000
except OverflowError as e:
    print("OverflowError", e)
