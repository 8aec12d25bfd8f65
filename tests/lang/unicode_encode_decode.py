# UTF-8 round trips and decoding errors
samples = ['', 'a', 'é', '€', '😀', '\x00', '\u07ff', '\u0800', '\uffff', '\U00010000', '\U0010ffff', 'aé€😀']
for s in samples:
    b = s.encode()
    print(ascii(s), b, len(b), b.decode() == s, bytearray(b).decode() == s, str(b, 'utf-8') == s)
bad = [b'\xff', b'\x80', b'\xc0\x80', b'\xc2', b'\xe2\x82', b'\xe2\x28\xa1', b'\xed\xa0\x80', b'\xf4\x90\x80\x80',
       b'\xf0\x9f\x98', b'a\xffb\xfec', b'\xe0\x80\x80', b'\xf5\x80', b'ok\xc3']
for b in bad:
    try:
        b.decode()
        print('decoded?')
    except UnicodeError as e:
        print(b, 'UnicodeError', e)
    print('  ', ascii(b.decode('utf-8', 'replace')), ascii(b.decode('utf-8', 'ignore')))
print(b'\xe9t\xe9'.decode('latin-1'), b'abc'.decode('ascii'), ascii(b'a\x80'.decode('ascii', 'replace')))
try:
    b'a\x80'.decode('ascii')
except UnicodeError as e:
    print('UnicodeError', e)
