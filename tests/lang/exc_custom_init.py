class HttpError(Exception):
    def __init__(self, code, reason):
        super().__init__(code, reason)
        self.code = code
        self.reason = reason
try:
    raise HttpError(404, "not found")
except HttpError as e:
    print(e.code, e.reason, e.args, e, repr(e))
class NoSuper(Exception):
    def __init__(self, a, b):
        self.total = a + b
e = NoSuper(1, 2)
print(e.total, e.args, str(e), repr(e))
class Kw(Exception):
    def __init__(self, *, level):
        super().__init__("lvl %d" % level)
        self.level = level
print(Kw(level=3), Kw(level=3).level)
class Attr(ValueError):
    pass
a = Attr("x")
a.extra = [1]
print(a.extra, a.__dict__ if hasattr(a, "__dict__") else None)
