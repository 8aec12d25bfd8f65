# format() of ints: every type code with sign, alternate form, width and alignment
vals = [0, 1, -1, 7, -7, 42, 255, -255, 65535, 2 ** 31, -(2 ** 31), 2 ** 63, 10 ** 25, -(10 ** 25)]
specs = ['', 'd', 'n', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', '+d', '-d', ' d', '+x', ' #o',
         '5', '<5', '>5', '^5', '=5', '05', '+05', '#06x', '*<6', '_^7', '0=+8', '#010b', 'c'.replace('c', '')]
for v in vals:
    print(v, [format(v, s) for s in specs])
