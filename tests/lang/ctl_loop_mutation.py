l = [1, 2, 3]
for x in l:
    if x == 1:
        l.append(4)
    print(x)
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError")
i = 0
for i in range(3):
    i = 10
print(i)
r = range(3)
out = []
for x in r:
    for y in r:
        out.append(x * y)
print(out)
