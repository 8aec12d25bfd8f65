# chip-float: double-precision digits
# complex division
print((1 + 2j) / (3 - 4j), (1 + 2j) / 2, 2 / (1 + 1j), 1j / 1j, (1e300 + 1e300j) / (1e300 - 1e300j))
print((4 + 2j) / 1j, (6 - 3j) / 1.5, 1 / 1j, -1 / (2 + 0j), (1 + 1j) / (1e-300 + 1e-300j))
for d in [0j, 0, 0.0, complex(0, 0)]:
    try:
        (1 + 1j) / d
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
