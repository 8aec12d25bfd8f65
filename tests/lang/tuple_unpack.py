a, b = 1, 2
print(a, b)
a, b = [3, 4]
print(a, b)
a, b = "xy"
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
a, *b = 1, 2, 3
print(a, b)
*a, b = range(4)
print(a, b)
a, *b, c = (1, 2)
print(a, b, c)
for src in [(1, 2, 3), [1], "abc", range(5), iter([1]), {1: 2, 3: 4, 5: 6}]:
    try:
        a, b = src
        print(a, b)
    except ValueError as e:
        print("ValueError", e)
try:
    a, b, c = 1, 2
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError:
    print("TypeError")
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
def gen():
    yield 1
    yield 2
x, y = gen()
print(x, y)
for k, v in {"a": 1}.items():
    print(k, v)
