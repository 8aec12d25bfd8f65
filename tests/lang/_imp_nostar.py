alpha = "a"
beta = "b"
_private = "p"
def func():
    return "f"
