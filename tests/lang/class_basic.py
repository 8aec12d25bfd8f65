class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1)
print(q.x, q.y, q is p)
q = p.moved(dy=2, dx=-1)
print(q.x, q.y)
p.z = 5
print(p.z, sorted(p.__dict__))
print(type(p) is Point, type(p).__name__, isinstance(p, Point), isinstance(p, object))
print(Point.norm2(p), Point.moved(p, 2).x)
