# center ljust rjust zfill
for s in ['', 'a', 'ab', 'abc', 'héllo', '€']:
    for w in [-1, 0, 1, 2, 3, 4, 5, 6, 7, 10]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w)), repr(s.rjust(w)), repr(s.center(w, '*')),
              repr(s.ljust(w, 'é')), repr(s.rjust(w, '€')))
for s in ['', '1', '-1', '+1', '12', '-', '+', 'abc', '-0.5', '€']:
    print(repr(s), [s.zfill(w) for w in (-1, 0, 1, 2, 3, 5)])
for bad in [('ab',), ('',), (1,)]:
    try:
        'x'.center(5, *bad)
    except TypeError:
        print('TypeError')
try:
    'x'.center('5')
except TypeError:
    print('TypeError')
try:
    'x'.zfill(1.5)
except TypeError:
    print('TypeError')
