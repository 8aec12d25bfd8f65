# memoryview errors: read-only memory, bad values, bad objects, released views
m = memoryview(b'abc')
for f in [lambda: m.__setitem__(0, 1), lambda: memoryview('str'), lambda: memoryview(5), lambda: m[3], lambda: m[-4],
          lambda: m['a']]:
    try:
        f()
    except (TypeError, IndexError) as e:
        print(type(e).__name__)
mb = memoryview(bytearray(3))
for i, v in [(0, 256), (0, -1), (0, 'a'), (0, 1.5), (5, 1)]:
    try:
        mb[i] = v
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__)
try:
    mb[0:2] = b'abc'
except ValueError:
    print('ValueError')
try:
    del mb[0]
except TypeError:
    print('TypeError')
mb.release()
for f in [lambda: mb[0], lambda: mb.tobytes(), lambda: len(mb)]:
    try:
        f()
    except ValueError:
        print('ValueError')
try:
    hash(memoryview(bytearray(1)))
except ValueError:
    print('ValueError')
