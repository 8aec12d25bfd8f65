# MicroPython's u-prefixed names find the plain modules
import ujson, utime, ustruct, ucollections, uio, uarray, ubinascii, uhashlib, uheapq, urandom, uerrno, ure, uzlib, umath
import json, struct
print(ujson is json, ustruct is struct, ujson.dumps([1]), ustruct.pack("<H", 1))
from ucollections import deque
print(deque([1]))
try:
    import unosuchmodule
except ImportError as e:
    print(type(e).__name__)
