try:
    raise ValueError("x")
except ValueError as e:
    print("in handler", e)
try:
    e
except NameError:
    print("e unbound after handler")
def f():
    e = "before"
    try:
        raise KeyError
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "unbound"
print(f())
