class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.upper()
        return super().__new__(mcs, name, bases, ns)
    def describe(cls):
        return "class " + cls.__name__
class Base(metaclass=Meta):
    pass
class Child(Base):
    pass
print(Base.tag, Child.tag, Base.describe(), Child.describe())
print(type(Base).__name__, type(Child).__name__, isinstance(Child, Meta), isinstance(Child, type))
print(type(Child()).__name__, isinstance(Child(), Base))
class Counting(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.created = True
class X(metaclass=Counting):
    pass
print(X.created)
