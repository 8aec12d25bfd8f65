for e in (ValueError(), ValueError("m"), ValueError("a", "b"), ValueError(1), ValueError(None),
          ValueError([1, 2]), ValueError(("t",)), Exception("x", 2, [3])):
    print(repr(e.args), "|" + str(e) + "|", len(e.args))
e = TypeError("orig")
e.args = ("new", 1)
print(e, e.args)
e.args = ["listed"]
print(e.args, e)
try:
    ValueError(x=1)
except TypeError:
    print("TypeError kw")
