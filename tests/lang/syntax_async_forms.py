# async def, await, async for, async with (driven by hand, no event loop)
class Awaitable:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield "suspend"
        return self.v
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *a):
        print("aexit")
class AIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= 2:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def coro(x):
    a = await Awaitable(x)
    b = await Awaitable(a + 1)
    async with ACM() as c:
        print("in with", c)
    async for i in AIter():
        print("item", i)
    return a + b
def run(co):
    try:
        while True:
            print("yielded", co.send(None))
    except StopIteration as e:
        return e.value
print(run(coro(10)))
async def simple():
    return "simple"
print(run(simple()))
async def nested():
    return await simple() + "!"
print(run(nested()))
for src in ["await x", "def f(): await x", "async def f(): await", "async x = 1",
            "def f():\n    async for i in x: pass", "def f():\n    async with x: pass",
            "async def f():\n    async for i in x: pass",
            "def f(): [x async for x in y]",
            "async def f(): lambda: await x", "async def f():\n    def g(): await x",
            "async with x: pass", "async def f(): x = await y + 1"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
