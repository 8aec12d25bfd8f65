# sys.exit raises SystemExit carrying its argument
import sys

for args in [(), (0,), (3,), ("message",), (None,)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(type(e).__name__, e.args, e.code)
try:
    sys.exit(1)
except Exception:
    print("not an Exception")
except BaseException as e:
    print("BaseException", isinstance(e, SystemExit))
try:
    sys.exit(1, 2)
except TypeError:
    print("TypeError")
