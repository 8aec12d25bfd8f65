try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise ValueError("msg", 2)
except ValueError as e:
    print(e.args)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(5)
except MyErr as e:
    print(e, e.code)
try:
    raise 42
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError("a") from 5
except TypeError as e:
    print("bad cause TypeError")
class NotExc:
    pass
try:
    raise NotExc
except TypeError:
    print("not an exception class")
