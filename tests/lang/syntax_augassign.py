# augmented assignment with every operator and target kind
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x = 17
x //= 3; print(x)
x %= 4; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 6; print(x)
x |= 9; print(x)
x ^= 5; print(x)
l = [1, 2]
l += [3]; print(l)
l *= 2; print(l)
class C: v = 1
c = C()
c.v += 10; print(c.v, C.v)
d = {'k': 1}
d['k'] += 1; print(d)
m = [[0]]
m[0][0] -= 1; print(m)
s = "a"
s += "b" "c"; print(s)
t = 1
t += 1 if t else 2; print(t)
def gen():
    v = 0
    v += yield
    print("v", v)
g = gen(); next(g)
try:
    g.send(5)
except StopIteration:
    pass
for src in ["a, b += 1", "[a] += 1", "f() += 1", "1 += 1", "a + b += 1", "(a) += 1",
            "*a += 1", "a += *b", "a.b += 1", "a[0] += 1", "x = y += 1", "a += 1, 2"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
