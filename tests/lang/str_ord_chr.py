# ord and chr round trips
for c in ['a', '\x00', '\x7f', '\x80', 'é', '€', '\uffff', '😀', '\U0010ffff']:
    print(ord(c), chr(ord(c)) == c, repr(chr(ord(c))))
print([chr(i) for i in range(60, 70)], ord(b'A'), ord(bytearray(b'z')))
for bad in ['', 'ab', 1, None, b'ab']:
    try:
        ord(bad)
    except TypeError as e:
        print('TypeError', e)
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError:
        print('ValueError')
