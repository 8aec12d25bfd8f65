def run(c):
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            return e.value
async def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("g finally")
async def main():
    it = g()
    first = await it.__anext__()
    thrown = await it.athrow(ValueError("boom"))
    await it.aclose()
    return first, thrown
print(run(main()))
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def close_stubborn():
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        return str(e)
print(run(close_stubborn()))
async def bad():
    raise StopAsyncIteration
    yield
async def use_bad():
    try:
        async for x in bad():
            pass
    except RuntimeError as e:
        return str(e)
print(run(use_bad()))
try:
    exec("async def f():\n    yield 1\n    return 2\n")
except SyntaxError:
    print("SyntaxError")
async def comp():
    return [x async for x in g()] if False else None
print(run(comp()))
