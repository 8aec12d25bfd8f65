def outer(a):
    def inner(b=a * 2):
        return b
    return inner
f = outer(5)
print(f(), f(1))
def make(n):
    return [lambda x, i=i: x + i for i in range(n)]
print([g(10) for g in make(3)])
def kwdef(v):
    def inner(*, k=v):
        return k
    return inner
print(kwdef(3)(), kwdef(3)(k=4))
