def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad input") from e
try:
    parse("x")
except RuntimeError as e:
    c = e.__cause__
    print(type(c).__name__, e.__suppress_context__, e.__context__ is c)
try:
    raise ValueError("v") from KeyError("k")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError from TypeError
except ValueError as e:
    print(type(e.__cause__).__name__)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError")
e = ValueError()
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError()
print(type(e.__cause__).__name__, e.__suppress_context__)
