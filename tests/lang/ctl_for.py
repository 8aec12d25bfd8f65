for i in range(3):
    print("i", i)
else:
    print("done", i)
for c in "abc":
    if c == "b":
        continue
    print(c)
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("no")
print("x", x)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for a, (b, c) in [(1, (2, 3))]:
    print(a, b, c)
for k in {"p": 1, "q": 2}:
    print(k)
for i in range(2):
    for j in range(2):
        print(i, j)
for _ in []:
    print("never")
else:
    print("empty else")
d = {}
for d["key"] in range(3):
    pass
print(d)
