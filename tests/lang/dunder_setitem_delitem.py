class Store:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __getitem__(self, k):
        return self.d[k]
s = Store()
s["a"] = 1
s["a"] += 10
print(s["a"])
del s["a"]
try:
    del s["zz"]
except KeyError as e:
    print("KeyError", e)
class RO:
    def __getitem__(self, k): return k
try:
    RO()[1] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del RO()[1]
except TypeError as e:
    print("TypeError", e)
