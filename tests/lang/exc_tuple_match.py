def check(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except (TypeError,):
        return "type"
    except ArithmeticError:
        return "arith"
    except Exception:
        return "other"
for exc in (KeyError, IndexError("i"), TypeError, ZeroDivisionError, ValueError, OverflowError):
    print(check(exc))
errs = (ValueError, KeyError, TypeError)
try:
    raise TypeError
except errs:
    print("tuple in a variable")
