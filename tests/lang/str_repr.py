# repr of str: quote choice and escapes, exactly as CPython
cases = ['', 'a', "'", '"', '\'"', 'it\'s', 'say "hi"', 'both \' and "', '\\', '\\n', '\n', '\r', '\t',
         '\x00', '\x01', '\x1f', '\x7f', '\x80', '\x9f', '\xa0', '\xad', '\xe9', 'é', '€', '😀', '\u200b',
         '\u2028', '\ufeff', '\ud7ff', '\ue000', '\uffff', '\U0001f600', '\U0010ffff', 'a\x00b',
         "'\"\\", '\x0b\x0c', 'mixed\ttext\nwith é and \x01']
for s in cases:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(['a', "b'", 'é']), str(['\n']), repr(('x',)), repr({'k': '\t'}))
print('%r %a' % ('é\n', 'é\n'), '{!r} {!a}'.format('\x00', '\u20ac'))
