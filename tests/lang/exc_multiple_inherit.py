class Tagged:
    tag = "tagged"
    def describe(self):
        return self.tag + ":" + str(self)
class TaggedError(Tagged, ValueError):
    pass
try:
    raise TaggedError("boom")
except ValueError as e:
    print(e.describe(), isinstance(e, Tagged), type(e).__mro__[1].__name__)
class Both(KeyError, IndexError):
    pass
try:
    raise Both("k")
except IndexError as e:
    print("as IndexError", repr(e))
try:
    raise Both("k")
except KeyError as e:
    print("as KeyError", e)
