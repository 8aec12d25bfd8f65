# if / elif / else forms
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-1, 0, 5, 50)])
x = 3
if x: print("one-line if")
if not x: print("no")
else: print("one-line else")
if x == 1: pass
elif x == 3: print("one-line elif")
if x:
    if x > 2:
        if x > 5:
            print("deep")
        else:
            print("nested else")
if (y := x * 2) > 5: print("walrus in if", y)
if x: a = 1; b = 2; print(a + b)
if x:
    pass
# a long elif chain
n = 8
if n == 0: r = 0
elif n == 1: r = 1
elif n == 2: r = 2
elif n == 3: r = 3
elif n == 4: r = 4
elif n == 5: r = 5
elif n == 6: r = 6
elif n == 7: r = 7
elif n == 8: r = 8
elif n == 9: r = 9
else: r = -1
print(r)
for src in ["if x\n    pass\n", "if x:\npass\n", "else:\n    pass\n", "if x: pass\nelif:\n    pass\n",
            "if x: pass\nelse if y: pass\n", "elif x: pass\n", "if x: pass\n  else: pass\n",
            "if x = 1: pass\n", "if x: pass; if y: pass\n", "if x: pass\nelse:\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
