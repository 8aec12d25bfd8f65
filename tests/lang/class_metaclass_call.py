class Tracing(type):
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
class K(metaclass=Tracing):
    def __init__(self, v):
        self.v = v
print(K(5).v, type(K).__name__)
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kw):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kw)
        return cls._instances[cls]
class Db(metaclass=Singleton):
    def __init__(self):
        print("connect")
print(Db() is Db())
class Other(metaclass=Singleton):
    pass
print(Other() is Other(), Other() is Db())
