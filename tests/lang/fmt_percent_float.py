# % formatting of floats: e E f F g G with flags, width, precision
vals = [0.0, -0.0, 1.0, 0.5, -2.5, 3.14159265, 1e-5, 123456789.0, 1e22, 7, float('inf'), float('nan')]
fmts = ['%f', '%F', '%e', '%E', '%g', '%G', '%.0f', '%.1f', '%.10f', '%#.0f', '%10.3f', '%-10.3f|', '%010.3f',
        '%+.2f', '% .2f', '%.2e', '%#.0e', '%12.4E', '%.3g', '%#g', '%#.2g', '%-12g|', '%+g', '%012.3g']
for f in fmts:
    print(f, [f % v for v in vals])
