class Outer:
    pass
    class Inner:
        pass
    def m(self):
        pass
print(Outer.__name__, Outer.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.__doc__)
print("m" in Outer.__dict__, "Inner" in Outer.__dict__, type(Outer.__dict__["m"]).__name__)
print(Outer.__bases__, Outer.__mro__)
print(int.__name__, int.__module__ if hasattr(int, "__module__") else "builtins")
print(repr(Outer)[:7], str(int), repr(type))
