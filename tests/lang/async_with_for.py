log = []
class ACM:
    def __init__(self, n):
        self.n = n
    async def __aenter__(self):
        log.append("aenter " + self.n)
        return self.n
    async def __aexit__(self, t, v, tb):
        log.append("aexit %s %s" % (self.n, t.__name__ if t else None))
        return t is KeyError
class Range:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with ACM("a") as a:
        log.append("body " + a)
    async with ACM("b"):
        raise KeyError("suppressed")
    total = 0
    async for v in Range(4):
        if v == 3:
            continue
        total += v
    else:
        log.append("for else")
    async for v in Range(10):
        if v > 2:
            break
    log.append("v %d" % v)
    return total
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
print(log)
