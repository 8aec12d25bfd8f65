print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1)
print(1 < 2 > 0)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
print(1 in [1, 2] in [[1, 2]])
print(2 not in [1] is not None)
a = [1]
b = a
print(a is b, a is not b, a is [1])
x = 5
print(0 <= x < 10, 0 <= x < 5)
