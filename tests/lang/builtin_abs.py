print(abs(-5), abs(5), abs(0), abs(-2**70), abs(-2.5), abs(3.0), abs(-0.0), abs(True), abs(False), abs(-3 + 4j))
print(abs(-2**62), abs(-(2**62) - 1), abs(float("-inf")))
class A:
    def __abs__(self):
        return "abs!"
print(abs(A()))
for bad in ("a", [1], None):
    try:
        abs(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    abs()
except TypeError:
    print("TypeError")
