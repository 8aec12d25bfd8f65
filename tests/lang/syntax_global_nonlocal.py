# global and nonlocal declarations
g = 0
def set_g():
    global g
    g = 1
set_g()
print(g)
def set_two():
    global a, b
    a, b = 2, 3
set_two()
print(a, b)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
    inner(); inner()
    return x
print(outer())
def outer2():
    p = q = 0
    def inner():
        nonlocal p, q
        p, q = 5, 6
    inner()
    return p, q
print(outer2())
def outer3():
    v = "outer"
    class C:
        nonlocal v
        v = "from class"
    return v
print(outer3())
class K:
    global kk
    kk = "global from class"
print(kk)
for src in ["nonlocal x", "class C:\n    nonlocal x\n", "def f():\n    nonlocal x\n",
            "global", "global 1", "global a,", "def f():\n    global x, y\n",
            "def f(x):\n    global x\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
