class Boom:
    def __await__(self):
        yield "before"
        raise ValueError("boom")
async def a():
    try:
        await Boom()
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("a finally")
c = a()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def b():
    await Boom()
c = b()
c.send(None)
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown out", e)
class W:
    def __await__(self):
        try:
            yield 1
        except KeyError:
            return "handled in awaitable"
async def d():
    return await W()
c = d()
c.send(None)
try:
    c.throw(KeyError)
except StopIteration as e:
    print(e.value)
