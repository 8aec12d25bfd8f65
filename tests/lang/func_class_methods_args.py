class A:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def tot(self, *more):
        return self.x + self.y + sum(more)
print(A(1).tot(), A(1, 2).tot(3, 4), A(y=5, x=1).tot())
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1, 2, 3)
except TypeError as e:
    print(e)
