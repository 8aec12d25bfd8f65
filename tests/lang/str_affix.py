# removeprefix / removesuffix
for s in ['', 'abc', 'aaa', 'prefix-body-suffix', 'é€é']:
    for a in ['', 'a', 'ab', 'abc', 'abcd', 'prefix-', '-suffix', 'é', '€é', 'x']:
        print(repr(s), repr(a), repr(s.removeprefix(a)), repr(s.removesuffix(a)))
for bad in [1, None, b'a']:
    try:
        'abc'.removeprefix(bad)
    except TypeError:
        print('TypeError')
