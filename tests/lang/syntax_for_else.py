# for loops: targets, else, break, continue
for i in range(3):
    pass
else:
    print("else", i)
for i in range(10):
    if i == 2:
        continue
    if i == 4:
        break
    print(i)
else:
    print("not reached")
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for x, in [(1,), (2,)]:
    print(x)
for [p, q] in ["ab"]:
    print(p, q)
d = {}
for d['k'] in [1, 2]:
    pass
print(d)
class O: pass
o = O()
for o.attr in "xy":
    pass
print(o.attr)
lst = [0, 0]
for lst[0] in range(3):
    pass
print(lst)
for i in 1, 2, 3:
    print("tuple iter", i)
for e in *[1, 2], 3:
    print("star iter", e)
for i in range(2): print("one line", i)
for i in []: pass
else: print("empty else")
for x in range(3):
    for y in range(3):
        if y == 1:
            break
    else:
        print("never")
    continue
print(x, y)
for src in ["for x in y\n    pass\n", "for in y: pass\n", "for x y: pass\n", "for x in: pass\n",
            "for 1 in y: pass\n", "for x, f() in y: pass\n", "for x in y: pass\nelse: break\n",
            "for *x in y: pass\n", "for x in *y: pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
