# format() of floats with 'e' and 'E'
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 3.14159265, 123456.789, 1e-7, 1e16, 1.23e22, 1.7976931348623157e308,
        9.9999e9, 0.000123]
specs = ['e', 'E', '.0e', '.1e', '.2e', '.5e', '#.0e', '+e', ' .3e', '12.2e', '<12.2e', '^14.3E',
         '012.2e', '+012.1e']
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
