# hex() and fromhex()
for b in [b'', b'\x00', b'\xff', b'\x01\xab\xcd', bytes(range(10))]:
    print(b.hex(), b.hex(':'), b.hex('-', 2), b.hex(' ', -2), b.hex(b'.', 3), bytearray(b).hex(), memoryview(b).hex())
print(bytes.fromhex(''), bytes.fromhex('00ff'), bytes.fromhex(' 01 AB cd '), bytearray.fromhex('4142'), bytes.fromhex('0a\n0b'))
for s in ['0', 'zz', '0g', '1 2', 'abc']:
    try:
        bytes.fromhex(s)
    except ValueError as e:
        print('ValueError', e)
for args in [('ab',), ('',)]:
    try:
        b'ab'.hex(*args)
    except ValueError:
        print('ValueError')
