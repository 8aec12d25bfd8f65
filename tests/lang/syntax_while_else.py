# while loops with else, break and continue
i = 0
while i < 3:
    i += 1
else:
    print("else ran", i)
i = 0
while True:
    i += 1
    if i == 2:
        continue
    if i > 4:
        break
    print("i", i)
else:
    print("not printed")
while i < 7: i += 1
print(i)
n = 0
while n < 3:
    m = 0
    while m < 3:
        if m == 1:
            break
        m += 1
    else:
        print("inner else")
    n += 1
else:
    print("outer else", n, m)
data = [3, 2, 1]
while (v := data.pop()) != 3:
    print("v", v)
while 0:
    pass
else: print("one-line else")
for src in ["while x\n    pass\n", "while x: pass\nelse x: pass\n", "while: pass\n",
            "break\n", "continue\n", "while 1:\n    pass\nelse:\n    break\n",
            "while 1:\n    def f():\n        break\n", "while 1:\n    class C:\n        continue\n",
            "while 1:\n    try:\n        pass\n    finally:\n        break\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
