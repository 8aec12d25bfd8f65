# exec() of a function's code object: it runs when it needs nothing from a call; free
# variables or required arguments are a TypeError, never a frame with empty slots
def g():
    print("g ran")


exec(g.__code__)


def outer():
    x = 1

    def inner():
        return x

    return inner


for target in (outer().__code__, outer()):
    try:
        exec(target)
        print("ran")
    except TypeError as e:
        print("TypeError")


def h(a):
    return a


try:
    exec(h.__code__)
    print("ran")
except TypeError:
    print("TypeError")

ns = {}
exec(compile("y = 5", "s", "exec"), ns)
print(ns["y"], eval(compile("1 + 2", "s", "eval")))
