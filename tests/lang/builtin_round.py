print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.4999), round(2.675, 2), round(1.25, 1), round(-0.0))
print(round(5), round(15, -1), round(25, -1), round(123456, -3), round(7, 2), round(True), round(2**70, -20))
print(round(1234.5678, -2), round(1.5, 0), round(1e20), round(3.14159, 3), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(2.5, None), round(number=1.7), round(1.77, ndigits=1))
for bad in ("1", [1]):
    try:
        round(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    round(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    round(float("nan"))
except ValueError:
    print("ValueError")
try:
    round(1.5, 1.5)
except TypeError:
    print("TypeError")
class R:
    def __round__(self, n=None):
        return ("round", n)
print(round(R()), round(R(), 2))
