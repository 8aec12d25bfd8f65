class AppError(Exception):
    pass
class DbError(AppError):
    pass
try:
    raise DbError("connection lost")
except AppError as e:
    print(type(e).__name__, e, e.args, isinstance(e, Exception))
try:
    raise DbError
except DbError as e:
    print(repr(e), e.args)
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(WithDefault(), WithDefault("x"), repr(WithDefault()))
print(issubclass(DbError, AppError), DbError.__mro__[1].__name__)
