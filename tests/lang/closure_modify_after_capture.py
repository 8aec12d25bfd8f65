def f():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    add(1)
    items = ["reset"]
    add(2)
    return items
print(f())
def g():
    n = 0
    def show():
        return n
    res = []
    for n in range(3):
        res.append(show())
    return res
print(g())
