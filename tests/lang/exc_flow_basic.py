def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        return "div0"
    else:
        return "ok %s" % r
    finally:
        print("finally", x)
print(f(2))
print(f(0))
try:
    raise ValueError("v")
except (TypeError, ValueError) as e:
    print("tuple match", type(e).__name__)
try:
    raise KeyError("k")
except LookupError as e:
    print("base match", repr(e))
try:
    try:
        raise TypeError("t")
    except ValueError:
        print("wrong")
except TypeError:
    print("outer caught")
try:
    [][1]
except:
    print("bare except")
try:
    pass
except Exception:
    print("no")
else:
    print("else runs")
