# str.format field names: attributes and indexes
class P:
    x = 10
    def __init__(self):
        self.items = ['a', 'b', {'k': 'v'}]
        self.sub = self
p = P()
print('{0.x} {0.items[1]} {0.items[2][k]} {0.sub.sub.x}'.format(p))
print('{p.x} {p.items[0]} {d[key]} {d[1]} {l[0][1]}'.format(p=p, d={'key': 'K', 1: 'one', '1': 'str'}, l=[[5, 6]]))
print('{[0]}{[1]}'.format('ab', 'cd'), '{0[-1]}'.format({'-1': 'neg'}), '{0[ x ]}'.format({' x ': 'sp'}))
print('{.real} {.imag}'.format(3, 2j), '{0.__class__.__name__}'.format(1.5))
for f, a, k in [('{0.nope}', (p,), {}), ('{0[5]}', ([1],), {}), ('{0[z]}', ({},), {}), ('{x[0]}', (), {'x': 5})]:
    try:
        print(f.format(*a, **k))
    except Exception as e:
        print(type(e).__name__)
