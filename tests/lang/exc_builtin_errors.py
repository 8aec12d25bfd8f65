tests = ["1 / 0", "1 % 0", "[][0]", "{}['k']", "int('x')", "undefined_name", "None + 1",
         "len(5)", "'a' + 1", "[].pop()", "(1).x", "object()()", "2 ** 2 ** 100 if False else (1).bit_length(1)"]
for t in tests:
    try:
        eval(t)
    except Exception as e:
        print(type(e).__name__)
def f():
    x += 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError", isinstance(e, NameError))
try:
    assert False, "msg"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", e.args)
