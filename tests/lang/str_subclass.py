# subclasses of str keep str behaviour
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hello')
print(s, s.shout(), len(s), s[1], s[1:3], s + 'x', 'x' + s, s * 2, s == 'hello', 'ell' in s)
print(s.split('l'), s.replace('l', 'L'), '-'.join(S('ab')), isinstance(s, str), type(s).__name__)
print({s: 1}['hello'], {'hello': 2}[s], s.startswith('he'), '%s!' % s, '{}?'.format(s), f'{s}.')
print(str(s), repr(s), s.encode(), sorted([S('b'), 'a', S('c')]), s.find('o'), s.isalpha())
class T(str):
    def __str__(self):
        return 'T!'
print(str(T('x')), T('x') + 'y', format(T('z')), '%s' % T('w') if False else 'skip')
