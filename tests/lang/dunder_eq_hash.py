class Key:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Key) and self.k == o.k
    def __hash__(self): return hash(self.k)
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, len({Key(1), Key(1), Key(2)}))
class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
try:
    {NoHash()}
except TypeError:
    print("TypeError set")
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError:
    print("TypeError bad hash")
class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError:
    print("TypeError explicit")
class BigHash:
    def __hash__(self): return 2 ** 100
print(type(hash(BigHash())).__name__)
class Sub(Key): pass
print(hash(Sub(5)) == hash(5))
