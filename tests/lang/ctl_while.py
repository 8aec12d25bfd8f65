i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("else ran", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not printed")
print("n", n)
j = 10
while j:
    j -= 3
    if j < 0:
        break
print("j", j)
k = 0
while k < 3:
    k += 1
    m = 0
    while m < 3:
        m += 1
        if m == 2:
            break
    print(k, m)
