# indexing returns ints, slicing returns bytes
b = b'abcdefghij'
print([b[i] for i in range(-10, 10)], b[True])
vals = [None, -12, -3, 0, 2, 9, 12]
for step in [None, 1, 2, -1, -3]:
    print(step, [b[x:y:step] for x in vals for y in vals][:30])
print(b[:] is b, type(bytearray(b'xy')[0:1]).__name__, bytearray(b'xyz')[::-1], bytearray(b'xyz')[1])
for bad in [10, -11]:
    try:
        b[bad]
    except IndexError as e:
        print('IndexError', e)
try:
    b['a']
except TypeError:
    print('TypeError')
try:
    b[0] = 1
except TypeError:
    print('TypeError')
