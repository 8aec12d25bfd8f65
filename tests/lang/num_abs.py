# abs() of every number type
print(abs(5), abs(-5), abs(0), abs(-(2 ** 100)), abs(2 ** 100), abs(-2.5), abs(-0.0), abs(True))
print(abs(3 + 4j), abs(-1j), abs(complex(-3, 0)), abs(float("-inf")), abs(float("nan")))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
