class A:
    def method(self):
        return "m"
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "s"
    v = 10
print(type(A.method).__name__, type(A().method).__name__, A.method(A()))
print(A.cm(), A().cm(), A.sm(), A().sm(), A.v)
print(A.__class__ is type, A().__class__ is A, A.__class__.__name__)
print(callable(A.method), A.method.__name__)
f = A.__dict__["method"]
print(f is A.method)
