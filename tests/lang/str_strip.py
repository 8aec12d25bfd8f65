# str.strip / lstrip / rstrip with and without chars
cases = ['', ' ', 'abc', '  abc  ', '\t\n abc \r\x0b\x0c', 'xxabcxx', 'xyxabcyxy', 'aaaa', ' \u3000a\xa0 ']
for s in cases:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    for c in ['x', 'xy', 'a', '', 'abc ', None]:
        print('  ', repr(c), repr(s.strip(c)), repr(s.lstrip(c)), repr(s.rstrip(c)))
print(repr('ééaéé'.strip('é')), repr('€x€'.lstrip('€')), repr('a€b€'.rstrip('€b')))
s = 'same'
print(s.strip() is s)
for f in (str.strip, str.lstrip, str.rstrip):
    try:
        f('abc', 1)
    except TypeError as e:
        print('TypeError', e)
