# inf, nan and negative zero under every float type
vals = [float('inf'), float('-inf'), float('nan'), -0.0, 0.0]
specs = ['', 'f', 'F', 'e', 'E', 'g', 'G', '%', '.2f', '+', ' ', '8', '<8', '^8', '08', '=+8', 'z', 'z.2f',
         'z.0e', '+z.1f', ',f', '#g']
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
print(format(-0.001, 'z.2f'), format(-0.001, '.2f'), format(-0.0001, 'z.3e'), format(-0.5, 'z.0f'))
