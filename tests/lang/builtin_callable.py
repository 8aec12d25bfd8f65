class C:
    def __call__(self):
        pass
class D:
    pass
def f():
    pass
print(callable(f), callable(len), callable(C), callable(C()), callable(D()), callable(1), callable("s"), callable(lambda: 0), callable([].append), callable(int), callable(None))
try:
    callable()
except TypeError:
    print("TypeError")
