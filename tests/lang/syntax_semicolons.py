# several simple statements on one line
a = 1; b = 2; c = a + b
print(a, b, c)
x = 0; x += 1; x *= 10;
print(x)
if a: y = 1; z = 2
else: y = 3; z = 4
print(y, z)
def f(): p = 5; return p
print(f())
for i in range(2): print("i", i); print("again", i)
while x > 8: x -= 1; print("x", x)
class C: u = 1; v = 2
print(C.u, C.v)
import sys; print(type(sys).__name__)
print("first"); print("second");
for src in [";", "a = 1;;", "; a = 1", "if x: ; pass", "a = 1; if x: pass", "a = 1 b = 2",
            "a = 1;\n", "del a; del b", "pass;", "x = 1; def f(): pass"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
