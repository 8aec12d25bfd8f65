class Shape:
    count = 0
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls(*args)
    def __init__(self, *args):
        self.args = args
class Square(Shape):
    pass
s = Square.create(3)
print(type(s).__name__, s.args, Square.count, Shape.count)
t = Shape.create()
print(type(t).__name__, Shape.count)
print(Square().create(1).args)
cm = Shape.__dict__["create"]
print(type(cm).__name__, cm.__func__ is not None)
class Cfg:
    @classmethod
    def name(cls):
        return cls.__name__
class Sub(Cfg): pass
print(Cfg.name(), Sub.name(), Sub().name())
