# __format__ of user classes, and the object.__format__ default
class F:
    def __format__(self, spec):
        return 'F(' + spec + ')'
class G:
    def __str__(self):
        return 'G!'
class I(int):
    pass
class J(int):
    def __format__(self, spec):
        return 'J' + spec
class S(str):
    pass
print(format(F()), format(F(), 'abc'), '{}|{:x}|{!s:>4}'.format(F(), F(), G()), f'{F():q}')
print(format(G()), '{}'.format(G()), f'{G()}', format(I(42), '05'), format(I(7), 'x'), format(J(1), '>3'))
print(format(S('ab'), '>4'), '{:^6}'.format(S('cd')), format(3, ''), format('x'))
try:
    format(G(), 'x')
except TypeError as e:
    print('TypeError', e)
class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad())
except TypeError:
    print('TypeError')
print(F().__format__('z'), object.__format__(G(), ''))
class T(str):
    def __format__(self, spec):
        return '[' + super().__format__(spec) + ']'
print('ab'.__format__('>4'), format(T('q'), '>3'), f'{T("r"):*^5}', str.__format__('s', '<2') + '|')
