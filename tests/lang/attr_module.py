import sys
print(hasattr(sys, "path"), type(sys).__name__, sys.__name__)
try:
    sys.no_such_attr
except AttributeError as e:
    print("AttributeError", e)
import gc
print(callable(gc.collect), hasattr(gc, "nope"))
import __main__ as me
x = 42
print(me.x, getattr(me, "x"), me.__name__)
me.y = 7
print(y)
