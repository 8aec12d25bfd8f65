class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __mul__(self, o): return "Base.mul"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
class Unrelated:
    def __radd__(self, o): return "Unrelated.radd"
print(Base() + Derived(), Derived() + Base(), Base() + Unrelated(), Base() + Base())
print(Derived() * Base())
class MyInt(int):
    def __radd__(self, o): return "MyInt.radd"
    def __rsub__(self, o): return "MyInt.rsub"
print(1 + MyInt(2), 5 - MyInt(1), MyInt(2) + 1)
