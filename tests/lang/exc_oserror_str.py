for args in ((2, "No such file"), ("a", "b"), (1, 2, 3), (1, 2, 3, 4, 5), (1, 2, 3, 4, 5, 6), (9,), ()):
    e = OSError(*args)
    print(repr(str(e)), e.errno, e.strerror, len(e.args))
e = OSError(2, "msg", "name.txt")
print(e.filename, e.args)
