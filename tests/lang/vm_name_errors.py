try:
    print(nope)
except NameError as e:
    print(e)
def f():
    return also_nope
try:
    f()
except NameError as e:
    print(e)
def g():
    print(local_later)
    local_later = 1
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
except NameError:
    print("wrong")
try:
    del never_defined
except NameError as e:
    print(e)
class C:
    try:
        missing_in_class
    except NameError as e:
        msg = str(e)
print(C.msg)
print(issubclass(UnboundLocalError, NameError))
