for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**70, 3), (-2**70, 7), (7.5, 2), (-7.5, 2), (7, 2.5), (True, 2)]:
    print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError")
for a, b in [("a", 1), (1, "a"), ([], [])]:
    try:
        divmod(a, b)
    except TypeError as e:
        print("TypeError", e)
class D:
    def __divmod__(self, other):
        return ("dm", other)
    def __rdivmod__(self, other):
        return ("rdm", other)
print(divmod(D(), 3), divmod(3, D()))
