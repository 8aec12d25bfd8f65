# errors of the % operator
cases = [('%d', ()), ('%d %d', (1,)), ('%d', (1, 2)), ('abc', 5), ('abc', (1,)), ('%y', 1), ('%', 1), ('%(a)s', 1),
         ('%d', 'x'), ('%i', [1]), ('%x', 1.5), ('%o', 'a'), ('%c', 'ab'), ('%c', -1), ('%c', 1.5), ('%f', 'x'),
         ('%e', None), ('%(a', {}), ('%*d', ('x', 1)), ('%s %s', ('a',)), ('%.', 1), ('%5', 1), ('%z', ())]
for f, a in cases:
    try:
        print(repr(f % a))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(repr(f), type(e).__name__, e)
print('abc' % (), 'abc' % {}, 'abc' % [], '%s' % ((),))
