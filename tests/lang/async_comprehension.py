class Tick:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
async def double(x):
    await Tick()
    return x * 2
async def main():
    a = [x async for x in agen(4)]
    b = {x: x * x async for x in agen(3) if x}
    c = [await double(x) for x in range(3)]
    d = {x async for x in agen(3)}
    e = [y async for x in agen(2) for y in range(x + 1)]
    g = (x * 10 async for x in agen(3))
    f = [v async for v in g]
    return a, b, c, sorted(d), e, f
def run(co):
    ticks = 0
    while True:
        try:
            co.send(None)
            ticks += 1
        except StopIteration as ex:
            return ex.value, ticks
print(run(main()))
try:
    exec("def f():\n    return [x async for x in y]\n")
except SyntaxError:
    print("SyntaxError")
