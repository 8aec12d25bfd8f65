print(repr(ValueError()), repr(ValueError("x")), repr(ValueError("x", 2)), repr(KeyError("k")))
print(repr(Exception(None)), repr(RuntimeError([1])), repr(OSError("nf")))
class Mine(Exception): pass
print(repr(Mine("a")), repr(Mine()), str(Mine("a", "b")))
print([ValueError("in list")], (IndexError(3),))
