# * on str: counts, zero, negative, bool, errors
for s in ['', 'a', 'ab', 'é€']:
    print([s * n for n in (-2, -1, 0, 1, 2, 3)], [n * s for n in (0, 2)], s * True, s * False)
print(len('ab' * 1000), ('xyz' * 100).count('xyz'))
x = 'abc'
x *= 2
print(x)
for bad in [1.5, 'a', None, [1]]:
    try:
        'ab' * bad
    except TypeError as e:
        print('TypeError', e)
try:
    'ab' * (2 ** 100)
except (OverflowError, MemoryError) as e:
    print('too big')
try:
    'ab' * -(2 ** 100)
except OverflowError:
    print('OverflowError')
