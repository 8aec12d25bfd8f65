it = iter(range(2))
print(next(it), next(it), next(it, "end"))
def g():
    yield 1
    return 5
gen = g()
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(gen, "after"))
try:
    next(1)
except TypeError as e:
    print("TypeError", e)
try:
    next()
except TypeError:
    print("TypeError")
class N:
    def __next__(self):
        return "n"
print(next(N()))
