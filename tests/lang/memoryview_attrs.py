# memoryview attributes, item formats from array.array, cast
m = memoryview(b'abc')
for f in [lambda: setattr(m, 'x', 1), lambda: m.nope, lambda: setattr(m, 'readonly', False)]:
    try:
        f()
        print('no error')
    except AttributeError:
        print('AttributeError')
print(m.readonly, m.format, m.itemsize, m.nbytes, m.shape, m.ndim)
import array
a = array.array('h', [1, -2, 300])
ma = memoryview(a)
print(ma.format, ma.itemsize, len(ma), ma[1], ma.tolist(), ma.nbytes)
ma[0] = -5
print(a, ma.cast('B').tolist()[:4], bytes(ma)[:2])
b = bytearray(b'abcdef')
print(memoryview(b).cast('H').tolist() if False else 'skip', memoryview(b)[1:3].tolist())
