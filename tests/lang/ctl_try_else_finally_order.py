def run(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(run(False))
print(run(True))
def nested_else():
    try:
        pass
    except Exception:
        pass
    else:
        try:
            raise KeyError("in else")
        except KeyError as e:
            return "else handled " + str(e)
print(nested_else())
def else_raises():
    try:
        try:
            pass
        except ValueError:
            return "wrong handler"
        else:
            raise ValueError("from else")
    except ValueError as e:
        return "outer got " + str(e)
print(else_raises())
