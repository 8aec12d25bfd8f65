print(all([]), all([1, 2]), all([1, 0]), all("ab"), all(x > 0 for x in [1, 2]), all((0,)), all({0: 1}))
print(any([]), any([0, 0]), any([0, 1]), any(""), any(x > 1 for x in [1, 2]), any(range(0)), any([[]]), any([[0]]))
def g():
    yield 1
    yield 0
    print("not reached")
print(all(g()))
def h():
    yield 0
    yield 1
    print("not reached")
print(any(h()))
try:
    all(5)
except TypeError as e:
    print("TypeError", e)
try:
    any()
except TypeError:
    print("TypeError")
