# str.encode: utf-8, ascii, latin-1; error handlers
for s in ['', 'abc', 'é', '€', '😀', 'aé€😀']:
    print(repr(s), s.encode(), s.encode('utf-8'), s.encode('UTF8'), s.encode(encoding='utf_8'))
    for enc in ['ascii', 'latin-1', 'latin1', 'iso-8859-1']:
        for err in ['strict', 'ignore', 'replace']:
            try:
                print('  ', enc, err, s.encode(enc, err))
            except UnicodeError as e:
                print('  ', enc, err, 'UnicodeError', e)
for args in [('nope',), ('ascii', 'nope'), (1,)]:
    try:
        'é'.encode(*args)
    except (LookupError, TypeError) as e:
        print(type(e).__name__)
print('é'.encode('utf-8', 'nope'), 'a'.encode('ascii', 'nope'))
print('abc'.encode('ascii').decode('ascii'), 'é€'.encode().decode())
