for s in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, -1), slice(1, 100, 3), slice(-100, -50),
          slice(10, 2, -2), slice(None, -2), slice(5, 5), slice(2**80, None), slice(None, -2**80, -1)]:
    print(s, s.indices(10), s.indices(0), s.indices(3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1.5, 2).indices(5)
except TypeError as e:
    print("TypeError", e)
class I:
    def __index__(self):
        return 2
print(slice(I(), None).indices(5), list(range(10))[I():I()])
