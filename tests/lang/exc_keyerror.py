try:
    {}["missing"]
except KeyError as e:
    print(e, repr(e), e.args, str(e))
print(str(KeyError(1)), str(KeyError("a", "b")), str(KeyError()), str(KeyError("")))
try:
    {}[(1, 2)]
except LookupError as e:
    print(type(e).__name__, e)
try:
    set().remove(5)
except KeyError as e:
    print("KeyError", e)
