class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__("missing: " + what)
        self.what = what
class Denied(AppError):
    pass
def act(k):
    if k == 0:
        raise NotFound("file")
    if k == 1:
        raise Denied("nope")
    if k == 2:
        raise ValueError("other")
for k in range(4):
    try:
        act(k)
        print("ok")
    except NotFound as e:
        print("NotFound", e, e.what)
    except AppError as e:
        print("AppError", type(e).__name__, e)
    except Exception as e:
        print("Exception", repr(e))
print(issubclass(NotFound, Exception), isinstance(Denied(), AppError))
