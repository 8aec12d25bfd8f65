print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(0, 0), pow(2, 100))
print(pow(3, 4, 5), pow(2, 100, 7), pow(-3, 3, 7), pow(3, -1, 7), pow(5, 0, 1), pow(2, 3, -5))
print(pow(base=2, exp=5), pow(2, exp=3, mod=3), pow(2, 3, None), pow(True, 2))
for args in [(2, 3, 0), (2, -1, 4)]:
    try:
        pow(*args)
    except ValueError as e:
        print("ValueError", e)
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), ("a", 2)]:
    try:
        pow(*args)
    except TypeError as e:
        print("TypeError")
try:
    pow(0, -1)
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    pow(1)
except TypeError:
    print("TypeError")
class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
print(pow(P(), 2), pow(2, P()), pow(P(), 2, 3))
