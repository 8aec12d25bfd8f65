print(repr(1), repr("a"), repr("it's"), repr('say "hi"'), repr(None), repr(2.5), repr([1, "a"]), repr((1,)), repr({}), repr(set()), repr(b"x"))
print(repr(range(3)), repr(slice(1, 2)), repr(True), repr(1e100), repr(-0.0), repr(1j), repr(...), repr(NotImplemented))
print(ascii("é"), ascii("\u263a"), ascii([1, "ü"]), ascii("abc"), ascii(b"\xff"))
print(format(3.14159, ".2f"), format(42, "05d"), format("s", ">3"), format(255, "x"), format(1), format([1]), format(2.5))
class R:
    def __repr__(self):
        return "<R>"
    def __format__(self, spec):
        return "F" + spec
print(repr(R()), format(R(), "abc"), "{:xy}".format(R()), f"{R()!r}")
try:
    format(object(), "d")
except TypeError:
    print("TypeError")
print(str(1), str("a"), str([1, "a"]), str(b"b"), str(None))
