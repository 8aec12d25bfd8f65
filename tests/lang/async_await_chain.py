class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("wait", self.v)
        return got
async def level3(x):
    return await Fut(x)
async def level2(x):
    a = await level3(x)
    b = await level3(x + 1)
    return a + b
async def level1():
    return [await level2(1), await level2(10)]
c = level1()
val = None
steps = 0
while True:
    try:
        req = c.send(val)
        steps += 1
        val = req[1] * 100
    except StopIteration as e:
        print("result", e.value, "steps", steps)
        break
