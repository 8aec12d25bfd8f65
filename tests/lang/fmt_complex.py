# format() of complex numbers
vals = [1 + 2j, -1.5 - 0.5j, 2j, -2j, complex(0, -0.0), complex(-0.0, 1), 1e20 + 1e-20j, complex(1, float('inf'))]
specs = ['', '10', '<20', '^20', '.2', '.3g', 'f', '.2f', '+.1e', 'E', '>25.3F', 'g', '+', ' ', '*^24', 'n']
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
for s in ['=10', '010', 'd', 'x', '%', ',']:
    try:
        print(format(1 + 2j, s))
    except ValueError as e:
        print(s, 'ValueError', e)
