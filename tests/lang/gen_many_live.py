gens = [(i * j for j in range(3)) for i in range(50)]
total = 0
for g in gens:
    total += sum(g)
print(total)
def ticker(name, n):
    for i in range(n):
        yield "%s%d" % (name, i)
ts = [ticker(c, 3) for c in "abc"]
out = []
while ts:
    t = ts.pop(0)
    try:
        out.append(next(t))
        ts.append(t)
    except StopIteration:
        pass
print(out)
