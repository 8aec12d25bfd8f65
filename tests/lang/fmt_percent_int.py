# % formatting of integers: d i u o x X with flags, width, precision
vals = [0, 1, -1, 42, -42, 255, 2 ** 40, -(2 ** 70), True, 3.99, -3.99]
fmts = ['%d', '%i', '%u', '%o', '%x', '%X', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+5d', '%-+6d|', '%#o',
        '%#x', '%#X', '%#8x', '%#-8x|', '%08x', '%#08x', '%.3d', '%6.3d', '%-6.3d|', '%.0d', '%+.2x', '%ld', '%hd']
for f in fmts:
    row = []
    for v in vals:
        try:
            row.append(f % v)
        except TypeError:
            row.append('TypeError')
    print(f, row)
