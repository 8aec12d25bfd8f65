class Tick:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print("agen done")
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
def run(c):
    ticks = 0
    while True:
        try:
            c.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
async def manual():
    g = agen(2)
    a = await g.__anext__()
    b = await g.asend(None)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return a, b, "stopped"
print(run(manual()))
print(type(agen(1)).__name__)
async def echo():
    received = yield "first"
    while True:
        received = yield "got %s" % received
async def talk():
    e = echo()
    r = [await e.asend(None), await e.asend("x"), await e.asend("y")]
    await e.aclose()
    return r
print(run(talk()))
