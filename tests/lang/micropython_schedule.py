# micropython.schedule: the callback runs soon, between bytecodes of the main program
import micropython

seen = []


def callback(arg):
    seen.append(arg)


micropython.schedule(callback, 1)
for i in range(10):
    pass
print(seen)
micropython.schedule(callback, "a")
micropython.schedule(callback, "b")
for i in range(10):
    pass
print(seen)
try:
    micropython.schedule(callback)
except TypeError:
    print("TypeError")
