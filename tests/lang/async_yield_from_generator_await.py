class Awaitable:
    def __init__(self, gen):
        self.gen = gen
    def __await__(self):
        return self.gen
def helper():
    v = yield "step1"
    w = yield "step2"
    return v + w
async def main():
    r = await Awaitable(helper())
    return r * 2
c = main()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("result", e.value)
class Bad:
    def __await__(self):
        return 5
async def bad():
    await Bad()
try:
    bad().send(None)
except TypeError:
    print("TypeError")
