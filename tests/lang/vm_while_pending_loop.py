s = 0
i = 0
while i < 100000:
    s += i
    i += 1
print(s)
t = 0
for i in range(50000):
    if i % 3 == 0:
        continue
    t += 1
print(t)
