class Yield:
    def __await__(self):
        v = yield "suspended"
        return v
async def add(a, b):
    x = await Yield()
    return a + b + x
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return r1, r2
def run(coro):
    sent = None
    while True:
        try:
            out = coro.send(sent)
            print("yielded", out)
            sent = 100
        except StopIteration as e:
            return e.value
print(run(main()))
c = main()
print(type(c).__name__)
c.close()
