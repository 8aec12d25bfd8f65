# + * in and len on bytes
a = b'abc'
print(a + b'def', a + bytearray(b'x'), a + memoryview(b'm'), a * 2, 2 * a, a * 0, a * -1, len(a), len(b''), b'' + b'')
x = b'x'
x += b'y'
x *= 3
print(x, bytearray(b'q') + b'r', type(bytearray(b'q') + b'r').__name__, type(b'q' + bytearray(b'r')).__name__)
for bad in ['s', 1, None]:
    try:
        a + bad
    except TypeError as e:
        print('TypeError')
try:
    a * 1.5
except TypeError:
    print('TypeError')
print(list(a), [c for c in b'\x00\xff'], list(reversed(b'xy')), sum(b'\x01\x02'), max(b'az'), tuple(bytearray(b'hi')))
