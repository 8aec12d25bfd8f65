class Name(str):
    def greet(self):
        return "Hello, " + self
n = Name("ann")
print(n, n.greet(), n.upper(), type(n.upper()).__name__, len(n), n[0], n + "!")
print(n == "ann", "an" in n, isinstance(n, str), {n: 1}["ann"], n.split("n"))
print("%s|%s" % (n, n), "{}".format(n), f"{n}")
class Tagged(str):
    def __new__(cls, s, tag):
        o = super().__new__(cls, s)
        o.tag = tag
        return o
t = Tagged("x", 5)
print(t, t.tag, repr(t), str(t) == "x")
print(sorted([Name("b"), Name("a")]))
