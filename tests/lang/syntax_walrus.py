# assignment expressions
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4]
while (item := data.pop()) > 2:
    print("item", item)
print([y for x in range(5) if (y := x * x) > 4])
print(y)
print([(z := i, z * 2) for i in range(3)])
print(f"{(w := 3)} {w}")
def f(a):
    return a
print(f(v := 7), v)
print((a := 1, b := 2), a, b)
s = [q := 5, q + 1]
print(s)
print({(k := 'key'): 1}, k)
m = [1, 2, 3]
print(m[(i := 1)], i)
for src in ["x := 1", "(a.b := 1)", "(a[0] := 1)", "((a, b) := (1, 2))", "(1 := 2)",
            "f(x := 1)", "def g(): return (yield := 1)", "[x := 1, 2]", "x = (y := 1)",
            "a = b := 1", "(lambda: x := 1)", "[i for i in (j := [1])]",
            "[i for i in x for k in (j := [1])]", "[i for i in x if (j := i)]"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
