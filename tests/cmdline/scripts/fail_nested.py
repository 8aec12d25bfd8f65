def outer():
    inner()


def inner():
    raise KeyError("k")


print("before")
outer()
