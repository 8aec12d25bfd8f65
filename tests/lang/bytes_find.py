# find/rfind/index/rindex/count on bytes: bytes and int needles, ranges
b = b'abcabcab'
for sub in [b'a', b'bc', b'', b'x', 97, 99, 0, bytearray(b'ca'), memoryview(b'ab')]:
    print(repr(sub) if not isinstance(sub, memoryview) else 'mv', b.find(sub), b.rfind(sub), b.count(sub), b.find(sub, 2, 6), b.rfind(sub, -4), b.find(sub, 9))
print(b.index(b'c'), b.rindex(99), 97 in b, b'ca' in b, 120 in b, b'' in b, bytearray(b'xy').find(b'y'))
for f in [lambda: b.index(b'x'), lambda: b.rindex(120), lambda: b.find(256), lambda: b.find('a'), lambda: 'a' in b, lambda: 300 in b]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
