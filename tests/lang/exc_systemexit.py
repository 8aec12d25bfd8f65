for args in ((), (0,), (3,), ("msg",), (1, 2)):
    e = SystemExit(*args)
    print(e.code, e.args, isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise SystemExit(7)
except SystemExit as e:
    print("caught", e.code)
import sys
try:
    sys.exit("bye")
except SystemExit as e:
    print("caught", e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("base", type(e).__name__)
