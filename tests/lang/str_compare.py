# comparisons: by code point
vals = ['', 'a', 'b', 'ab', 'abc', 'B', 'é', 'z', '€', 'ab\x00', 'a\x7f', '😀']
for x in vals:
    print(repr(x), ''.join('<' if x < y else '=' if x == y else '>' for y in vals),
          ''.join('1' if x <= y else '0' for y in vals), ''.join('1' if x != y else '0' for y in vals))
print(sorted(vals), 'abc' == 'abc', 'abc' != 'abd', 'a' == 1, 'a' != None, '1' == 1)
for op in ['<', '<=', '>', '>=']:
    try:
        eval("'a' " + op + ' 1')
    except TypeError:
        print('TypeError', op)
print(max(['b', 'c', 'a']), min('zyx'), 'abc' < 'abd' < 'abe', ('a', 'b') < ('a', 'c'))
