d = {i: i for i in range(100)}
out = []
for r in range(30):
    k, v = d.popitem()
    out.append(k)
    d[k + 1000] = v
    d[k + 2000] = v
    if (k + 1000) not in d or d[k + 2000] != v:
        print("bad")
print(out, len(d), sorted(d)[:5], sorted(d)[-5:])
for k in list(d):
    if k % 3 == 0:
        del d[k]
while len(d) > 50:
    d.popitem()
print(len(d), all(d[k] == k % 1000 for k in d), list(d)[-3:])
