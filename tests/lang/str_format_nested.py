# nested replacement fields inside format specs
for w in range(0, 8, 2):
    print('[{:{}}]'.format('ab', w), '[{:>{w}.{p}f}]'.format(3.14159, w=w + 4, p=w // 2))
print('{0:{fill}{align}{width}}'.format('x', fill='*', align='^', width=7))
print('{:{}{}{}}'.format(42, '0', '8', 'x'), '{0:{1}}'.format(12.5, '+.1e'), '{:{}}'.format('s', ''))
print('{:{}}{}'.format('a', 3, 'b'), '{1:{0}}'.format('>4', 'z'))
