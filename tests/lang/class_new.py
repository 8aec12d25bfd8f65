class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        print("init")
print(Single() is Single())
class Other:
    def __new__(cls, x):
        return x * 2
    def __init__(self, x):
        print("never")
print(Other(21))
class WithArgs:
    def __new__(cls, a, b):
        self = object.__new__(cls)
        self.sum = a + b
        return self
    def __init__(self, a, b):
        self.prod = a * b
w = WithArgs(3, 4)
print(w.sum, w.prod)
try:
    object.__new__(5)
except TypeError:
    print("TypeError")
print(type(object.__new__(WithArgs)).__name__)
