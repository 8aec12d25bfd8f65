# str indexing: positive, negative, bounds, index types
s = 'abcdef'
print([s[i] for i in range(-6, 6)], s[True], s[False])
for bad in [6, -7, 100, -100]:
    try:
        s[bad]
    except IndexError as e:
        print('IndexError', e)
for bad in [1.0, 'a', None, [0]]:
    try:
        s[bad]
    except TypeError as e:
        print('TypeError')
try:
    ''[0]
except IndexError as e:
    print('IndexError', e)
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    del s[0]
except TypeError:
    print('TypeError')
class I:
    def __index__(self): return 2
print(s[I()])
