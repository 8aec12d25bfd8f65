# skip-chip: the chip's sys module has no exc_info (as MicroPython on the ESP8266)
import sys
print(sys.exc_info()[0])
try:
    raise ValueError("x")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
    try:
        raise KeyError("y")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])
def gen_exc():
    try:
        raise TypeError
    except TypeError:
        return sys.exc_info()[0].__name__
print(gen_exc(), sys.exc_info()[0])
