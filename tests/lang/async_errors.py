async def f():
    await 5
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
try:
    run(f())
except TypeError as e:
    print(e)
async def g():
    raise ValueError("inside coroutine")
async def h():
    try:
        await g()
    except ValueError as e:
        return "caught " + str(e)
print(run(h()))
async def k():
    return 1
c = k()
run(c)
try:
    run(c)
except RuntimeError as e:
    print(e)
try:
    exec("def bad():\n    await k()\n")
except SyntaxError:
    print("SyntaxError")
async def nofor():
    async for x in [1, 2]:
        pass
try:
    run(nofor())
except TypeError as e:
    print("TypeError")
