class Sleep:
    def __init__(self, name):
        self.name = name
    def __await__(self):
        yield self.name
async def worker(name, n):
    out = []
    for i in range(n):
        await Sleep(name)
        out.append("%s%d" % (name, i))
    return out
def scheduler(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((name, c))
        except StopIteration as e:
            results[name] = e.value
    return results
r = scheduler({"a": worker("a", 2), "b": worker("b", 3)})
print(sorted(r.items()))
