# assert, raise, pass
assert True
assert 1, "message"
try:
    assert False, "failed " + "message"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert 0
except AssertionError as e:
    print("AssertionError", e.args)
def check(x):
    assert x > 0, f"bad {x}"
    return x
try:
    check(-1)
except AssertionError as e:
    print(e)
try:
    raise ValueError
except ValueError as e:
    print("class raised", type(e).__name__)
try:
    raise ValueError("instance")
except ValueError as e:
    print(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(type(e.__cause__).__name__)
try:
    raise KeyError from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    try:
        raise IndexError("re")
    except IndexError:
        raise
except IndexError as e:
    print("reraised", e)
def empty():
    pass
class Empty: pass
print(empty(), Empty.__name__)
if True: pass
for i in range(1): pass
while False: pass
for src in ["assert", "assert x,", "assert x, y, z", "raise X from", "raise X, y",
            "raise from X", "pass 1", "pass; pass"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
