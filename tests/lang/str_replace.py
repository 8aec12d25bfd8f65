# str.replace: counts, empty old, growth/shrink, unicode
cases = [('', '', 'x'), ('', 'a', 'b'), ('abc', '', '-'), ('aaa', 'a', 'bb'), ('aaa', 'aa', 'b'),
         ('hello world', 'o', '0'), ('hello', 'l', ''), ('abc', 'x', 'y'), ('abab', 'ab', 'ab'),
         ('héllo', 'é', 'e'), ('abc', 'b', '€'), ('€€€', '€', 'E'), ('a.b.c', '.', '::')]
for s, old, new in cases:
    print(repr(s.replace(old, new)), [s.replace(old, new, n) for n in (-1, 0, 1, 2, 10)])
s = 'unchanged'
print(s.replace('x', 'y') == s, len('ab' * 100 .replace('b', 'ccc') if False else ('ab' * 100).replace('b', 'ccc')))
for bad in [(1, 'a'), ('a', 1), ('a', 'b', 'c'), ('a',)]:
    try:
        'abc'.replace(*bad)
    except TypeError as e:
        print('TypeError')
