for bad in (5, "str", None, object(), int):
    try:
        raise bad
    except TypeError as e:
        print("TypeError", e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    try:
        raise ValueError
    except (ValueError, 5):
        print("matched first")
except TypeError:
    print("TypeError tuple")
class NotExc:
    pass
try:
    raise NotExc()
except TypeError:
    print("TypeError class")
