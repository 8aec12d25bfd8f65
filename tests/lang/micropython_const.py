# micropython.const: the identity function (the compiler may fold the names it binds)
import micropython
from micropython import const

X = const(5)
Y = const(X * 2 + 1)
S = const("text")
print(X, Y, S)
print(micropython.const((1, 2)))
try:
    const()
except TypeError:
    print("TypeError")
