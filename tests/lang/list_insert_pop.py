l = [1, 2, 3]
l.insert(0, "a")
l.insert(2, "b")
l.insert(100, "end")
l.insert(-1, "x")
l.insert(-100, "start")
l.insert(len(l), "tail")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l.pop(2), l)
try:
    l.pop(10)
except IndexError as e:
    print("IndexError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [].pop(0)
except IndexError as e:
    print("IndexError", e)
try:
    l.pop("a")
except TypeError:
    print("TypeError")
l = list(range(100))
while len(l) > 3:
    l.pop()
print(l)
l = list(range(10))
while l:
    l.pop(0)
print(l)
l = [1]
l.insert(True, 2)
print(l)
try:
    l.insert(2**70, 3)
except OverflowError:
    print("OverflowError")
l.insert(-5, 0)
print(l)
