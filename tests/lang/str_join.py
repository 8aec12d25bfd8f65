# str.join: lists, tuples, iterators, single items, errors
print(','.join(['a', 'b', 'c']), ''.join(('x', 'y')), '-'.join('abc'), ', '.join([]), '|'.join(['only']))
print('é'.join(['a', 'b']), 'ab'.join(['€', '€', '€']), ''.join(str(i) for i in range(10)))
print(' '.join(iter(['p', 'q'])), '.'.join({'k': 1, 'j': 2}), repr(''.join(['', '', ''])))
x = 'solo'
print(''.join([x]) is x, ''.join((x,)) == x)
parts = ['%d' % i for i in range(50)]
s = ':'.join(parts)
print(len(s), s[:20], s.count(':'))
for bad in [[1], ['a', 2], ['a', b'b'], [None], 5, ['a', ['b']]]:
    try:
        ','.join(bad)
    except TypeError as e:
        print('TypeError', e)
