# comparison and hashing of bytes and bytearray
vals = [b'', b'a', b'b', b'ab', b'abc', b'\x00', b'\xff', b'A']
for x in vals:
    print(x, ''.join('<' if x < y else '=' if x == y else '>' for y in vals), x == bytearray(x), bytearray(x) == x, bytearray(x) < b'b')
print(b'a' == 'a', b'a' != 'a', hash(b'abc') == hash(b'ab' + b'c'), {b'k': 1}[b'k'], b'a' in {b'a', b'b'}, sorted(vals))
print(b'x' == memoryview(b'x'), memoryview(b'x') == b'x', b'' == bytearray())
try:
    hash(bytearray(b'a'))
except TypeError:
    print('TypeError')
for op in ['<', '>=']:
    try:
        eval("b'a' " + op + " 'a'")
    except TypeError:
        print('TypeError')
