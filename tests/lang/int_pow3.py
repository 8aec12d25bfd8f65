# three-argument pow: modular exponentiation and inverses
print(pow(2, 10, 1000), pow(3, 200, 1000000007), pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(2, 0, 1), pow(0, 0, 7), pow(5, 1, 3))
print(pow(12345678901234567890, 98765432109876543210, 10 ** 20 + 39))
print(pow(38, -1, 97), pow(3, -2, 7), pow(3, -1, -7), pow(-3, -1, 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
