# operators on bytearray: += *= + * comparisons, `in`, iteration during mutation
a = bytearray(b'ab')
ref = a
a += b'cd'
a += bytearray(b'e')
a += memoryview(b'f')
print(a, ref is a)
a *= 2
print(a, ref is a)
a *= 0
print(a, ref is a)
b = bytearray(b'xy')
print(b + b'z', b * 3, 2 * b, b == b'xy', b != bytearray(b'xy'), b < b'xz', b'xy' == b, 120 in b, b'y' in b)
try:
    b += 'str'
except TypeError:
    print('TypeError')
out = []
c = bytearray(b'abc')
for x in c:
    out.append(x)
    if len(c) < 5:
        c.append(120)
print(out, c)
print(bytearray(b'a').upper(), type(bytearray(b'a').upper()).__name__, bytearray(b'a b').split(), bytearray(b',').join([b'1', b'2']))
print(type(bytearray(b'a,b').split(b',')[0]).__name__, bytearray(b'abc').replace(b'b', b'B'), bytearray(b' x ').strip())
