def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", isinstance(e, RuntimeError))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("RecursionError repr")
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(100))
