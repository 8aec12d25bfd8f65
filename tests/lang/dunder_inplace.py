class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __isub__(self, o):
        self.items.remove(o)
        return self
    def __imul__(self, k):
        self.items = self.items * k
        return self
a = Acc(); keep = a
a += 1; a += 2; a -= 1; a *= 2
print(a is keep, a.items)
class Plain:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Plain(self.v + o)
    def __or__(self, o): return Plain(self.v | o)
p = Plain(1); old = p
p += 5; p |= 8
print(p.v, p is old)
class Weird:
    def __iadd__(self, o):
        return "replaced"
w = Weird()
w += 1
print(w)
class NI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fallback add"
x = NI()
x += 1
print(x)
l = [1]; l2 = l
l += [2]
print(l is l2, l)
t = (1,); t2 = t
t += (2,)
print(t is t2, t)
try:
    q = object(); q += 1
except TypeError as e:
    print("TypeError", e)
