# skip-chip: the chip's sys module has no exc_info (as MicroPython on the ESP8266)
import sys
def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
it = g()
print(next(it))
print(sys.exc_info()[0])
try:
    raise KeyError
except KeyError:
    print(next(it))
    print(sys.exc_info()[0].__name__)
print(next(it))
try:
    raise
except RuntimeError as e:
    print("RuntimeError")
