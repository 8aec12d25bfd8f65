class Foo:
    pass
r = repr(Foo())
print(r.startswith("<__main__.Foo object at 0x"), r.endswith(">"))
print(str(Foo()).startswith("<__main__.Foo object"))
print(repr(Foo), str(Foo))
class Bar(Foo):
    def __repr__(self):
        return "Bar()"
print(repr(Bar()), str(Bar()), [Bar(), Bar()], (Bar(),), {"k": Bar()})
