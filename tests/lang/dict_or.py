a = {"a": 1, "b": 2}
b = {"b": 3, "c": 4}
print(a | b, b | a, a, b)
c = a
c |= b
print(c, a is c)
c |= [("z", 0)]
c |= {"y": 9}.items()
print(c)
try:
    a | [("x", 1)]
except TypeError as e:
    print("TypeError", e)
try:
    c |= 5
except TypeError:
    print("TypeError")
print({} | {}, {1: 1} | {})
