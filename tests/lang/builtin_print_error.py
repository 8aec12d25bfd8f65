class Bad:
    def __str__(self):
        raise ValueError("no str")
try:
    print("before", Bad(), "after")
except ValueError as e:
    print()
    print("ValueError", e)
try:
    print(1, 2, sep=Bad())
except TypeError as e:
    print("TypeError", e)
class Good:
    def __str__(self):
        return "good"
print("x", Good(), [1], sep="|")
