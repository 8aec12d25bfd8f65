async def f():
    return 1
c = f()
print(type(c).__name__)
print(hasattr(c, "send"), hasattr(c, "throw"), hasattr(c, "close"))
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
async def g():
    pass
c2 = g()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError")
async def h():
    return await f()
try:
    h().send(None)
except StopIteration as e:
    print(e.value)
