try:
    raise ValueError("x")
except ValueError as e:
    print(e.__traceback__ is not None)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
e = ValueError()
print(e.__traceback__)
