# str.expandtabs
for s in ['', '\t', 'a\tb', 'ab\tc', 'abcdefgh\ti', '\t\t', 'a\nb\tc', 'a\r\tb', 'é\tx', 'no tabs']:
    print(repr(s), [s.expandtabs(n) for n in (-1, 0, 1, 2, 4)], repr(s.expandtabs()), repr(s.expandtabs(tabsize=3)))
