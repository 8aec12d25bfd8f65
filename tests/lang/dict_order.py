d = {}
for k in [5, 3, "z", 1, "a", 9]:
    d[k] = str(k)
print(list(d), list(d.values()))
del d[3]
d[3] = "again"
print(list(d))
d[5] = "updated"
print(list(d.items()))
d = dict.fromkeys("hello world")
print("".join(d))
d = {}
for i in range(100):
    d[i] = i
for i in range(0, 100, 2):
    del d[i]
print(list(d)[:10], len(d))
for i in range(0, 100, 2):
    d[i] = i
print(list(d)[45:55], len(d))
