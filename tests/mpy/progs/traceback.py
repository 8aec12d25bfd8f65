# the line table survives: an uncaught error's traceback names the same lines
def inner(n):
    if n > 2:
        raise ValueError("deep %d" % n)
    return inner(n + 1)


def outer():
    x = 1
    return inner(x)


print("before")
outer()
