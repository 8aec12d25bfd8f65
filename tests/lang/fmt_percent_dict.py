# % formatting with a mapping: %(name)s
d = {'name': 'Ada', 'n': 3, 'pi': 3.14159, 'x y': 'spaced', '': 'empty'}
print('%(name)s has %(n)d items, pi=%(pi).2f' % d)
print('%(name)-6s|%(n)05d|%(pi)+.1e|%(x y)s|%()s' % d, '%(n)s %(n)r %(n)x' % d)
print('%(a)s' % {'a': {'nested': 1}}, 'no fields' % d, '%s' % d == str(d), '%%(n)s' % d)
class M:
    def __getitem__(self, k):
        return k * 2
print('%(ab)s %(z)s' % M())
for f, a in [('%(missing)s', d), ('%(n)s %s', d), ('%(n', d), ('%(n)s', (1,)), ('%(n)s', 5)]:
    try:
        print(repr(f % a))
    except (KeyError, TypeError, ValueError) as e:
        print(repr(f), type(e).__name__)
