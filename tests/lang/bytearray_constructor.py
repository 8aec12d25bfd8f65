# bytearray(): the same sources as bytes()
print(bytearray(), bytearray(0), bytearray(4), bytearray([1, 2, 255]), bytearray(range(3)), bytearray(b'abc'))
print(bytearray('é', 'utf-8'), bytearray('x', encoding='ascii'), bytearray(bytearray(b'q')), bytearray(memoryview(b'mv')))
print(bytearray(x for x in (104, 105)), bytearray(iter([1])), len(bytearray(100)), bytearray(b'') == b'')
a = bytearray(b'src')
c = bytearray(a)
c[0] = 120
print(a, c, a is not c)
for args in [([256],), (-1,), ('s',), (1.5,), ([None],), (3, 'utf-8')]:
    try:
        bytearray(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
