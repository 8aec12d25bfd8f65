class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
class NoCall:
    pass
print(callable(NoCall()), callable(NoCall), callable(len), callable(1))
try:
    NoCall()()
except TypeError as e:
    print("TypeError", e)
print(list(map(Adder(1), [1, 2, 3])))
