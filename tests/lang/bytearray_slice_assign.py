# slice assignment (growing, shrinking, extended slices) and slice deletion
def show(b, s, v):
    try:
        b[s] = v
        print(b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
base = b'0123456789'
for s, v in [(slice(2, 5), b'ab'), (slice(2, 5), b'abcdef'), (slice(0, 0), b'xyz'), (slice(10, 10), b'!'),
             (slice(None), b''), (slice(-3, None), [65, 66]), (slice(5, 2), b'ins'), (slice(0, 10, 2), b'ABCDE'),
             (slice(None, None, -1), bytes(range(10))), (slice(1, 8, 3), b'xyz'), (slice(0, 10, 2), b'AB'),
             (slice(1, 3), bytearray(b'qq')), (slice(1, 3), memoryview(b'mm')), (slice(1, 3), 5), (slice(1, 3), 'ab'),
             (slice(8, 2, -2), b'...')]:
    show(bytearray(base), s, v)
b = bytearray(base)
b[2:4] = b
print(b)
for s in [slice(2, 5), slice(None, None, 2), slice(None, None, -3), slice(8, 1, -2), slice(5, 2), slice(None)]:
    b = bytearray(base)
    del b[s]
    print(b)
