# format() of strs: alignment, fill, precision (truncation)
vals = ['', 'a', 'abc', 'hello world', 'é€x', '😀']
specs = ['', 's', '1', '5', '<5', '>5', '^5', '^6', '*^7', '.0', '.1', '.2s', '>8.3', 'é<4', '€>4', '05', '0>5', '-<3']
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
