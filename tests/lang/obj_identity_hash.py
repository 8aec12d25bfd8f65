class A: pass
a, b = A(), A()
print(a is a, a is b, a == b, a != b, hash(a) == hash(a), hash(a) == hash(b))
s = {a, b, a}
print(len(s), a in s, A() in s)
d = {a: 1}
d[a] = 2
print(len(d), d[a])
o = object()
print(hash(o) == hash(o), o in {o}, id(a) == id(a), id(a) != id(b))
f = lambda: 0
print(hash(f) == hash(f), {f: 1}[f], hash(len) == hash(len), {int: "int"}[int])
