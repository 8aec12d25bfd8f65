funcs = []
for i in range(3):
    def f(x=i):
        return x * 10
    funcs.append(f)
print([f() for f in funcs])
for name in ["a", "b"]:
    class C:
        tag = name
    print(C.tag)
i = 0
while i < 2:
    g = lambda: i
    i += 1
print(g())
