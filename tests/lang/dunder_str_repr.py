class Both:
    def __str__(self): return "str-form"
    def __repr__(self): return "repr-form"
b = Both()
print(b, str(b), repr(b), [b], (b,), {1: b}, "%s %r" % (b, b), f"{b} {b!r}")
class ReprOnly:
    def __repr__(self): return "R"
print(ReprOnly(), str(ReprOnly()), [ReprOnly()])
class StrOnly:
    def __str__(self): return "S"
print(StrOnly(), str(StrOnly()), repr(StrOnly())[:10])
class BadStr:
    def __str__(self): return 1
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
class BadRepr:
    def __repr__(self): return None
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class Inherit(Both): pass
print(Inherit(), repr(Inherit()))
