# bytes.decode / bytearray.decode with encodings and error handlers
for b in [b'', b'abc', 'é€😀'.encode(), b'\xe9\xff', b'a\xc3', b'\x80abc']:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['strict', 'ignore', 'replace']:
            try:
                print(b, enc, err, ascii(b.decode(enc, err)), ascii(bytearray(b).decode(encoding=enc, errors=err)))
            except UnicodeError:
                print(b, enc, err, 'UnicodeError')
print(b'x'.decode(), memoryview(b'mv').tobytes().decode(), b'abc'.decode('UTF-8'))
for args in [('nope',), (1,)]:
    try:
        b'a'.decode(*args)
    except (LookupError, TypeError) as e:
        print(type(e).__name__)
