# invalid format specs raise ValueError/TypeError with CPython's messages
cases = [(1, 'abc'), (1, '.'), (1.5, '.'), (1, ',x'), (1, '_c'), ('a', ','), ('a', '='), ('a', '+'), ('a', '#'),
         (1, '.2d'), (1, '+c'), (1.5, 'd'), ('a', 'd'), (1, 'z'), (1, ',_'), (1, '_,'), (1.5, ',b'), (1, '_n'),
         (1.5, 'x'), (1.5, 'c'), ('a', 'f'), (1, 's'), (1, '99999999999999999999'), (1, '#c'), (1, ',c'),
         (2.5, '_n'), ('x', 'z'), (1, 'y'), (1, '10.2.3')]
for v, s in cases:
    try:
        print(repr(format(v, s)))
    except (ValueError, OverflowError) as e:
        print(repr(v), repr(s), type(e).__name__, e)
for v, s in [(object(), 'x'), (None, '>5'), ([], 's'), (1, 5)]:
    try:
        format(v, s)
    except TypeError as e:
        print('TypeError')
print(repr(format(-1, 'c')) if False else 'skip')
for v in [-1, 0x110000]:
    try:
        format(v, 'c')
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
