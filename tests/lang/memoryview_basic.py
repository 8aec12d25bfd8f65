# memoryview over bytes and bytearray: len, items, tobytes, tolist, attributes
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape)
print(bytes(m), list(m), m == b'abcdef', m == bytearray(b'abcdef'), m != b'x', m.hex(), m.obj == b'abcdef')
ba = bytearray(b'xyz')
mb = memoryview(ba)
print(mb.readonly, mb.tobytes(), len(mb), mb[1])
mb[1] = 65
print(ba, mb.tobytes())
ba[0] = 66
print(mb[0], mb.tolist())
m2 = memoryview(m)
print(m2.tobytes(), memoryview(bytearray(0)).tobytes(), hash(m) == hash(b'abcdef'))
with memoryview(b'ctx') as c:
    print(c.tobytes())
try:
    len(c)
except ValueError:
    print('ValueError')
