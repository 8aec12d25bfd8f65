# whitespace splitting and stripping with Unicode spaces
s = '\u3000a\xa0b\u2003c\u2028d\x85e\u200af '
print(s.split(), s.rsplit(None, 2), [x.encode() for x in s.split(None, 1)], ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()))
print('é é'.split(), 'a\u200bb'.split(), ascii(' \u3000x\u3000 '.strip()), 'α β γ'.split(' '))
print('line1\u2028line2\x85line3'.splitlines(), 'é€'.split('€'), 'x€y€z'.rsplit('€', 1))
