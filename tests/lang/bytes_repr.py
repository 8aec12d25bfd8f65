# repr of bytes and bytearray
cases = [b'', b'a', b"'", b'"', b'\'"', b'\\', b'\n\r\t', b'\x00\x01\x1f', b'\x7f\x80\xff', bytes(range(32, 127)),
         'é'.encode(), b"it's", b'say "x"']
for b in cases:
    print(repr(b), str(b), repr(bytearray(b)), len(repr(b)))
print([b'a', bytearray(b'b')], (b'',), str(bytes(range(256)))[:40])
