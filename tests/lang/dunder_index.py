class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][I(1)], "abc"[I(-1)], [1, 2, 3, 4][I(1):I(3)], bin(I(5)), hex(I(255)), oct(I(8)))
print(range(I(3)), list(range(I(1), I(4))))
class Bad:
    def __index__(self): return "no"
try:
    [1][Bad()]
except TypeError:
    print("TypeError")
k = "a"
try:
    [1][k]
except TypeError as e:
    print("TypeError", e)
