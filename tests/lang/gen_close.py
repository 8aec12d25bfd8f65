def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
print(list(it))
def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i2 = ignore()
next(i2)
try:
    i2.close()
except RuntimeError as e:
    print(e)
def catch_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = catch_exit()
next(c)
c.close()
unstarted = g()
unstarted.close()
print("closed unstarted")
def ret_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = ret_on_exit()
next(r)
print(r.close())
