class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(b, ()))
print(issubclass(B, (C, A)), issubclass(B, object), issubclass(bool, int), issubclass(int, bool))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object), isinstance(int, type))
print(isinstance(A, type), isinstance(A(), type), issubclass(type, object))
print(isinstance(3, (str, (list, int))))
try:
    isinstance(b, 3)
except TypeError:
    print("TypeError")
try:
    issubclass(b, A)
except TypeError:
    print("TypeError 2")
