class A:
    pass
a = A()
print(a.__eq__(a), a.__eq__(A()), a.__ne__(A()), a.__hash__() == hash(a))
print(object.__eq__(a, a), object.__repr__(a)[:12], str(a) == repr(a))
print(A.__init__ is object.__init__, type(a).__init__(a))
class B:
    def __repr__(self):
        return "B!"
b = B()
print(str(b), repr(b), object.__str__(b), "%s %r" % (b, b), [b])
class C:
    def __str__(self):
        return "C-str"
c = C()
print(str(c), repr(c)[:10], f"{c}", [str(c)])
o = object()
print(type(o).__name__, o == o, o != object())
try:
    o.attr = 1
except AttributeError:
    print("AttributeError")
try:
    object(1)
except TypeError:
    print("TypeError")
