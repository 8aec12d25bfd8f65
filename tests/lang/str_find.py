# find / rfind / index / rindex with start and end, including negative and out of range
s = 'abcabcab'
for sub in ['a', 'b', 'ab', 'ca', 'abc', 'x', '', 'abcabcab', 'abcabcabc']:
    print(repr(sub), s.find(sub), s.rfind(sub))
    for st, en in [(0, None), (1, None), (3, 6), (-3, None), (-100, 100), (5, 2), (8, None), (9, None),
                   (None, 4), (2, -2), (None, None)]:
        print('  ', st, en, s.find(sub, st, en), s.rfind(sub, st, en))
print(s.index('c'), s.rindex('c'), s.index('ab', 1), s.rindex('ab', 0, 5))
for f in (s.index, s.rindex):
    for args in [('x',), ('a', 7), ('ab', 0, 1)]:
        try:
            f(*args)
        except ValueError as e:
            print('ValueError', e)
for bad in [(1,), (None,), ('a', 'x')]:
    try:
        s.find(*bad)
    except TypeError:
        print('TypeError')
print('abc'.find('c', True), 'abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind('', 2, 1))
