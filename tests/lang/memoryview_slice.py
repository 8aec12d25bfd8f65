# slicing a memoryview shares the memory (no copy)
ba = bytearray(b'0123456789')
m = memoryview(ba)
s = m[2:6]
print(s.tobytes(), len(s), s[0], s[-1], s[1:3].tobytes(), m[-3:].tobytes(), m[5:2].tobytes(), m[:].tobytes())
s[0] = 65
s[1:3] = b'BC'
print(ba, s.tobytes())
ba[3] = 120
print(s.tobytes(), bytes(m[8:]), m[::1].tobytes())
t = memoryview(b'abcdef')[1:]
print(t[1:4].tobytes(), t[1:4][1:].tobytes(), bytes(t[::-1]) if False else 'x')
