# str.format: automatic, manual and named fields, escapes
print('{} {} {}'.format(1, 'two', 3.0), '{0} {1} {0}'.format('a', 'b'), '{x} {y}'.format(x=1, y=[2]))
print('{0}{x}{1}'.format('a', 'b', x='-'), '{}'.format(None), '{}{}'.format('', ''), 'plain'.format(1, 2))
print('{{}}'.format(), '{{{}}}'.format(5), '}}{{'.format(), '{{0}}'.format(1), 'a{{b'.format())
print('{:5}|{:<5}|{:>5}|{:^5}|'.format('ab', 'cd', 'ef', 'gh'), '{0:>{1}}'.format('x', 4))
print('{0!r} {0!s} {0!a}'.format('é\n'), '{!r:>6}'.format('x'), '{0!s:*^9}'.format(12))
print('é{}€'.format('ü'), '{}'.format('😀'), '{:€^7}'.format('é'))
print('{} is {}'.format(*('x', 'y')), '{a}{b}'.format(**{'a': 1, 'b': 2}), '{0}'.format(*[[1, 2]]))
print(''.format(), '{}'.format(1, 2, 3), '{1}'.format(0, 'one', 'two'))
