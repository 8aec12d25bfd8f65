assert True
assert 1 == 1, "fine"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["a", "list"]
except AssertionError as e:
    print(e.args[0])
def f(x):
    assert x > 0, "x must be positive: %d" % x
    return x
print(f(3))
try:
    f(-1)
except AssertionError as e:
    print(e)
