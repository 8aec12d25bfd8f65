l = [1, 2]
l.append(l)
print(l, repr(l), str(l))
m = [l, [l]]
print(m)
a = []
b = [a]
a.append(b)
print(a, b)
t = ([],)
t[0].append(t)
print(t)
d = {}
d["self"] = d
d["list"] = [d]
print(d)
class R:
    def __repr__(self):
        return "R" + repr(z)
z = [1]
z.append(R())
print(z)
class Bad:
    def __repr__(self):
        raise ValueError("nope")
q = [1, [Bad()]]
try:
    print(q)
except ValueError as e:
    print("ValueError", e)
q2 = [q]
print(len(repr([q2[0][0], 2])))
