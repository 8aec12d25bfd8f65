# skip-gcstress: deep recursion collecting at every allocation is too slow
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print("RecursionError")
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(12))
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(10), odd(7))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("RecursionError again")
print(fact(5))
