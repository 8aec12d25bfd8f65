# attribute access and method calls in all positions
class A:
    x = 1
    def m(self):
        return self
    def v(self, n):
        return n * 2
a = A()
print(a.x, a.m().x, a.m().m().v(3), A.x, A().x)
print("abc".upper(), 'x'.join(["a", "b"]), b"hi".decode(), [1, 2].index(2))
print(1 .real, 1.5.real, (1).real, 1j.imag, (3).bit_length())
print({}.get('k', 'dflt'), ().count(1), {1}.union({2}))
print((a).x, (a.m)().x, a . x, a.\
x)
a.y = 5
a.z = a.y + 1
print(a.y, a.z)
o = A()
o.child = A()
o.child.val = "deep"
print(o.child.val)
for src in ["a.1", "a.'x'", "a..b", "a.", "a.None", "a.class"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
