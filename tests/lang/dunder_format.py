class F:
    def __format__(self, spec):
        return "[" + spec + "]"
f = F()
print(format(f), format(f, ">5"), "{}".format(f), "{:abc}".format(f), f"{f:xyz}", f"{f!r}"[:3])
class S:
    def __str__(self): return "S!"
print(format(S()), "{}".format(S()), f"{S()}", "{:}".format(S()))
try:
    format(S(), "d")
except TypeError:
    print("TypeError")
class BadFmt:
    def __format__(self, spec): return 5
try:
    format(BadFmt())
except TypeError:
    print("TypeError bad")
