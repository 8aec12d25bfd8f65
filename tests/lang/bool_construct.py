# bool(): truth values of all kinds of objects
for v in [0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None,
          2 ** 100, float("nan"), range(0), range(1), b"", b"\x00"]:
    print(repr(v), bool(v))
print(bool(), bool(True), bool(False), True, False, repr(True), str(False))

class Z:
    def __bool__(self):
        return False

class L:
    def __len__(self):
        return 0

print(bool(Z()), bool(L()), bool(object()))
print(True is bool(1), False is bool(0), isinstance(True, int), issubclass(bool, int))
try:
    class B(bool):
        pass
except TypeError:
    print("TypeError")
