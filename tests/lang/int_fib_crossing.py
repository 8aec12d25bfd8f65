# loops whose values grow from small ints into big ints and back
a, b = 0, 1
for i in range(200):
    a, b = b, a + b
print(a)
while a > 1:
    a = a // 3
print(a)
x = 1
for i in range(100):
    x *= 7
for i in range(100):
    x //= 7
print(x, type(x))
s = 0
for i in range(1, 101):
    s += 2 ** i
print(s == 2 ** 101 - 2, s % 1000)
