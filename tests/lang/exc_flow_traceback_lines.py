def a():
    b()
def b():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    print("caught", e)
import sys
def nested():
    try:
        a()
    except ValueError:
        return "handled in nested"
print(nested())
