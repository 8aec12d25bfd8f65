res = []
for i in range(5):
    try:
        if i % 2:
            raise ValueError(i)
        res.append(i)
    except ValueError as e:
        res.append("e%s" % e)
        if i == 3:
            break
print(res)
def gen():
    for i in range(3):
        try:
            yield i
        except KeyError:
            yield "k"
g = gen()
print(next(g), g.throw(KeyError), next(g), next(g))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise RuntimeError
        break
    except RuntimeError:
        continue
print(count)
