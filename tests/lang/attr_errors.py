class A:
    pass
a = A()
for expr in ("a.missing", "A.missing", "(5).missing", "'s'.missing", "None.missing", "[].missing"):
    try:
        eval(expr)
    except AttributeError as e:
        print("AttributeError", e)
try:
    del a.missing
except AttributeError:
    print("AttributeError del")
try:
    (5).real = 1
except AttributeError:
    print("AttributeError set")
try:
    [].append = 1
except AttributeError:
    print("AttributeError set method")
try:
    setattr(a, 5, 1)
except TypeError:
    print("TypeError name")
