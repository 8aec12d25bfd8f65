# str slicing, a table over starts, stops and steps (ASCII)
s = 'abcdefghij'
vals = [None, -12, -10, -3, -1, 0, 1, 3, 9, 10, 12]
for step in [None, 1, 2, 3, -1, -2, -3, 10, -10]:
    rows = []
    for a in vals:
        rows.append(' '.join(repr(s[a:b:step]) for b in vals))
    print(step, '|'.join(rows))
print(s[::], s[:] is s, s[0:10] is s, repr(''[:]), repr(''[::-1]), s[2:2], s[5:1])
for bad in [0]:
    try:
        s[::bad]
    except ValueError as e:
        print('ValueError', e)
try:
    s['a':]
except TypeError:
    print('TypeError')
print(s[slice(1, 4)], s[slice(None, None, -2)])
