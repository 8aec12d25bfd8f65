vals = [1, True, None, "s", b"b", 1.5, [], (), {}, set(), range(1), len, print, type, object(), ...]
for v in vals:
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(True) is bool, type(2 ** 100) is int, type("a" * 50) is str)
print(type(type(1)), type(int), type(object))
def f(): pass
print(type(f).__name__, type(lambda: 0).__name__, type(x for x in []).__name__)
class C:
    def m(self): pass
print(type(C().m).__name__, type(C.m).__name__)
