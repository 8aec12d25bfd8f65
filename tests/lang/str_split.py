# str.split / str.rsplit: separators, maxsplit, whitespace runs, errors
cases = ['', ' ', 'a', ' a ', 'a b', '  a  b  c  ', 'a,b,,c,', ',', ',,', 'a\tb\nc\x0bd\x0ce\rf',
         'one  two', 'a--b--c', 'abab']
for s in cases:
    print(repr(s), s.split(), s.rsplit(), s.split(','), s.rsplit(','))
    for n in (-1, 0, 1, 2, 5):
        print(' ', n, s.split(None, n), s.rsplit(None, n), s.split(',', n), s.rsplit(',', n))
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1), 'aaa'.split('aa'), 'aaa'.rsplit('aa'))
print('a b c'.split(maxsplit=1), 'a b c'.rsplit(maxsplit=1), 'a,b,c'.split(sep=',', maxsplit=1))
print('a,b'.split(sep=None), 'x'.split('x'), 'xx'.split('x'), 'abc'.split('abc'), 'abc'.split('abcd'))
for bad in [(1,), ('',), (None, 'x'), ('a', 1.5)]:
    try:
        'a b'.split(*bad)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        'a b'.rsplit(*bad)
    except Exception as e:
        print(type(e).__name__)
try:
    'a'.split(foo=1)
except TypeError:
    print('TypeError')
