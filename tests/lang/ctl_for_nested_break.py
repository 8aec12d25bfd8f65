found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print(found)
res = []
for i in range(4):
    try:
        if i == 2:
            continue
        res.append(i)
    finally:
        res.append("f%d" % i)
print(res)
def gen_loop():
    for i in range(10):
        yield i
        if i == 2:
            return
print(list(gen_loop()))
