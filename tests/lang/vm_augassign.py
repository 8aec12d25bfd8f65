x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x //= 3; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
f = 1.5
f /= 2; print(f)
l = [1]
m = l
l += [2]
print(l, m is l)
t = (1,)
u = t
t += (2,)
print(t, u)
s = "a"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 10
print(d)
class C:
    def __init__(self): self.v = 1
c = C()
c.v += 41
print(c.v)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
