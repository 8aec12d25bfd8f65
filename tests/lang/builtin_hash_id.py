print(hash(1), hash(0), hash(-1), hash(-2), hash(1000), hash(-12345))
print(hash(2**100) == hash(2**100), hash(2**61) == hash(2**61), type(hash(2**100)).__name__)
print(hash(True), hash(False), hash(1.0), hash(0.0), hash(float("inf")), hash(float("-inf")))
print(hash("a") == hash("a"), hash(b"ab") == hash(b"ab"), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
print(hash(1) == hash(1.0) == hash(True), hash(2**64) == hash(float(2**64)))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class NH:
    __hash__ = None
try:
    hash(NH())
except TypeError as e:
    print("TypeError", e)
class E:
    def __eq__(self, o):
        return True
try:
    hash(E())
except TypeError as e:
    print("TypeError", e)
a = []
print(id(a) == id(a), id(a) != id([]), type(id(a)).__name__, id(None) == id(None), id(1) == id(1))
o = object()
print(hash(o) == hash(o))
