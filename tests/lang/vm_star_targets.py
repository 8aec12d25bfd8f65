for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
[x, *y] = "abc"
print(x, y)
(*z,) = [1, 2]
print(z)
a, *b, c, d = range(6)
print(a, b, c, d)
head, *tail = iter([1, 2, 3])
print(head, tail)
*a, = ()
print(a)
x, (y, *z) = 1, (2, 3, 4)
print(x, y, z)
