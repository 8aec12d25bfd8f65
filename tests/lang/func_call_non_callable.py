five, text, nothing = 5, "s", None
try:
    five()
except TypeError as e:
    print(e)
try:
    text(1)
except TypeError as e:
    print(e)
try:
    nothing()
except TypeError as e:
    print(e)
class NC:
    pass
try:
    NC()()
except TypeError as e:
    print(e)
class Callable:
    def __call__(self, *a, **k):
        return a, k
print(Callable()(1, x=2))
print(callable(Callable()), callable(NC()), callable(len))
