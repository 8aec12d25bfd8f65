# bytes(): from nothing, ints, iterables, strs with encodings, buffers
print(bytes(), bytes(0), bytes(3), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(5)), bytes(x for x in [97, 98]))
print(bytes('abc', 'ascii'), bytes('é', 'utf-8'), bytes('é', 'latin-1'), bytes('é€', encoding='utf-8'))
print(bytes(b'copy'), bytes(bytearray(b'ba')), bytes(memoryview(b'mv')), bytes([]), bytes(True))
b = b'same'
print(bytes(b) is b, bytes(source=[1]), bytes('x', 'ascii', 'strict'), bytes('aé', 'ascii', 'ignore'))
class B:
    def __bytes__(self):
        return b'custom'
class I:
    def __index__(self):
        return 66
print(bytes(B()), bytes([I(), 67]))
for args in [([256],), ([-1],), (-1,), ('abc',), (1.5,), (['a'],), (5, 'utf-8'), ('a', 'nope'), ([1.0],), (None,),
             ('é', 'ascii')]:
    try:
        bytes(*args)
    except (TypeError, ValueError, LookupError, UnicodeError) as e:
        print(type(e).__name__ if not isinstance(e, UnicodeError) else 'UnicodeError')
