class C:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
c = C()
print(hash(c) == hash(c), c == 1, {c: 1}[c])
class S(str):
    def __eq__(self, o):
        return False
    __hash__ = str.__hash__
print(S("a") == "a", hash(S("a")) == hash("a"))
class R:
    __repr__ = object.__repr__
    def __str__(self):
        return "R!"
print(str(R()), repr(R()).startswith("<__main__.R object"))
class A:
    def f(self):
        g = lambda: self
        return g() is self
class B(A):
    def f(self):
        inner = lambda: self
        return ("B", super().f(), inner() is self)
print(B().f())
