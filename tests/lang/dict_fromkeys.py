print(dict.fromkeys([1, 2, 3]), dict.fromkeys("ab", 0), dict.fromkeys([]), dict.fromkeys(range(3), []))
d = dict.fromkeys([1, 2], [])
d[1].append(5)
print(d)
print({}.fromkeys([7]))
class D(dict):
    pass
x = D.fromkeys([1, 2])
print(type(x).__name__, x)
try:
    dict.fromkeys(5)
except TypeError as e:
    print("TypeError", e)
try:
    dict.fromkeys([[1]])
except TypeError as e:
    print("TypeError", e)
