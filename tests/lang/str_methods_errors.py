# wrong argument types and counts to str methods raise TypeError (messages as CPython)
s = 'abc'
calls = [
    lambda: s.find(1), lambda: s.count(None), lambda: s.index(b'a'), lambda: s.startswith(1),
    lambda: s.endswith(['c']), lambda: s.split(1), lambda: s.join(1), lambda: s.join([1]),
    lambda: s.replace(1, 'x'), lambda: s.strip(1), lambda: s.center(), lambda: s.zfill(),
    lambda: s.upper(1), lambda: s.partition(1), lambda: s.encode(1), lambda: s.ljust(1.5),
    lambda: s.find(), lambda: s.split(',', 'x'), lambda: s.expandtabs('x'), lambda: s.removeprefix(1),
]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError:
        print('TypeError')
for c in [lambda: s.join([1, 2]), lambda: s.startswith(1), lambda: s.replace(1, 'x'),
          lambda: s.strip(1), lambda: s.find(1), lambda: s + 1, lambda: 1 in s, lambda: s[1.5],
          lambda: s * 1.5, lambda: s.center(5, 'xy')]:
    try:
        c()
    except TypeError as e:
        print(e)
for c in [lambda: s.index('z'), lambda: s.rindex('z'), lambda: s.split(''), lambda: s.partition('')]:
    try:
        c()
    except ValueError as e:
        print(e)
