def hello(self):
    return "hi from " + type(self).__name__
Dyn = type("Dyn", (), {"x": 1, "hello": hello})
d = Dyn()
print(Dyn.__name__, Dyn.x, d.hello(), type(d) is Dyn)
Sub = type("Sub", (Dyn,), {"y": 2})
print(Sub.x, Sub.y, Sub().hello(), Sub.__bases__ == (Dyn,))
print(type(1) is int, type("a") is str, type([]) is list, type(type) is type)
try:
    type("A", 1, {})
except TypeError:
    print("TypeError")
try:
    type(1, 2)
except TypeError:
    print("TypeError nargs")
