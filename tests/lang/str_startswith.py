# startswith / endswith: tuples, start/end
s = 'hello world'
for p in ['', 'h', 'hello', 'world', 'd', 'hello world!', ('x', 'he'), ('x', 'y'), (), ('world', 'x')]:
    print(repr(p), s.startswith(p), s.endswith(p), s.startswith(p, 6), s.endswith(p, 0, 5),
          s.startswith(p, -5), s.endswith(p, -100, -6), s.startswith(p, 20), s.endswith(p, 11))
print(''.startswith(''), ''.endswith(''), 'a'.startswith('', 1), 'a'.startswith('', 2), 'é€'.endswith('€'))
for bad in [1, None, ['h'], ('h', 1)]:
    for f in (s.startswith, s.endswith):
        try:
            f(bad)
        except TypeError:
            print('TypeError')
