# -O: asserts compiled out
try:
    assert 1 == 2, "no"
    print("asserts off")
except AssertionError as e:
    print("asserts on", e)
