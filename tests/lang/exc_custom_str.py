class Fancy(Exception):
    def __init__(self, n):
        super().__init__(n)
        self.n = n
    def __str__(self):
        return "Fancy #%d" % self.n
    def __repr__(self):
        return "<Fancy %d>" % self.n
e = Fancy(3)
print(e, str(e), repr(e), [e], e.args)
class OnlyStr(KeyError):
    def __str__(self):
        return "custom " + super().__str__()
print(OnlyStr("k"), repr(OnlyStr("k")))
class ReprOnly(Exception):
    def __repr__(self):
        return "RO!"
print(ReprOnly("m"), repr(ReprOnly("m")))
