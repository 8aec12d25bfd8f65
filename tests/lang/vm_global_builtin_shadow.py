print(len([1, 2]))
def len(x):
    return "shadowed"
print(len([1]))
del len
print(len([1]))
def f():
    return abs(-2)
abs = lambda x: "global abs"
print(f())
del abs
print(f())
import builtins
print(builtins.max(1, 2))
def g():
    max = 5
    return max
print(g())
