# format() of floats without a type code (repr-like) with and without precision
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 10.0, 1e15, 1e16, 1e22, 1.234e-5, 1e-4, 3.14159265, 123456.0,
        1234567.0, 2.5, 1e100]
specs = ['', '.0', '.1', '.2', '.3', '.6', '.12', '10', '<12', '+', ' ', '012', '.3', ',', '_', '10.2', '#.3', '#']
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
