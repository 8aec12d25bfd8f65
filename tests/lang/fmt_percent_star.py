# '*' width and precision taken from the arguments
print('%*d|' % (5, 42), '%-*d|' % (5, 42), '%*d|' % (-5, 42), '%.*f' % (2, 3.14159), '%*.*f|' % (8, 3, 2.5))
print('%*s|%*s|' % (3, 'a', 4, 'bc'), '%.*s' % (1, 'xyz'), '%0*d' % (6, -3), '%.*f' % (-1, 1.25))
for a in [('x', 1), (1,), (1.5, 2)]:
    try:
        print('%*d' % a)
    except TypeError as e:
        print('TypeError')
