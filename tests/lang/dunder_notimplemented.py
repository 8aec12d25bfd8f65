class A:
    def __add__(self, o):
        if isinstance(o, A): return "A+A"
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return NotImplemented
class B:
    def __radd__(self, o): return "B.radd"
    def __eq__(self, o): return "B.eq"
print(A() + A(), A() + B())
try:
    A() + 1
except TypeError as e:
    print("TypeError", e)
try:
    1 + A()
except TypeError as e:
    print("TypeError", e)
print(A() == B(), B() == A())
a = A()
print(a == a, a == A(), a != a)
print(NotImplemented, type(NotImplemented).__name__, repr(NotImplemented))
