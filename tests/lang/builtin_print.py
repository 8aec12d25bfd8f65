print()
print(1, "a", None, 2.5, [1, "b"], (1,), {"k": "v"})
print(1, 2, 3, sep="-")
print(1, 2, sep="")
print("a", "b", end="!\n")
print("x", end="")
print("y")
print(1, 2, sep=None, end=None)
print("multi", "args", sep=", ", end=".\n")
print(*[1, 2, 3])
print(*"abc", sep="|")
print("é", "\u263a", "\U0001f600")
print("flush", flush=True)
print(sep="x")
print("", "", sep="+")
for kw in ({"sep": 1}, {"end": 2}, {"foo": 1}):
    try:
        print("a", **kw)
    except TypeError as e:
        print("TypeError")
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()], str(S()), repr(S()))
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("to", "file", sep="_", end="$", file=w)
print(3, file=w)
print(w.parts)
print("none file", file=None)
import sys
print("stdout", file=sys.stdout)
try:
    print("x", file=5)
except AttributeError:
    print("AttributeError")
print("long " * 100)
