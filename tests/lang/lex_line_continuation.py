# explicit and implicit line joining
x = 1 + \
    2 + \
    3
print(x)
if x == 6 and \
   x > 0:
    print("joined if")
y = (1 +
     2)
z = [1,
2,
        3]
d = {'a':
     1}
print(y, z, d)
print("a" \
      "b")
def f(a,
      b):
    return a + \
b
print(f(1,
  2))
# errors: stray backslash
for src in ["x = 1 \\ 2", "x = \\", "\\", "a\\b"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
