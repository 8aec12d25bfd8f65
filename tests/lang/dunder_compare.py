class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __eq__(self, o): return isinstance(o, V) and self.v == o.v
    def __repr__(self): return "V%d" % self.v
a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == V(1), a != V(1))
print(sorted([V(3), V(1), V(2)]), min(V(5), V(4)), max([V(1), V(9)]))
print(V(1) < V(2) < V(3), V(1) < V(3) < V(2))
print(a == 1, 1 == a, a != "x")
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), OnlyLt(1) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError", e)
try:
    V(1) < 3
except AttributeError:
    print("AttributeError")
