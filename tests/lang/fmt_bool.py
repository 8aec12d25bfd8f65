# format() of bools: empty spec is str(), anything else formats the int
for v in [True, False]:
    print([format(v, s) for s in ['', 'd', '5', '<5', 'x', '#b', '+', '.2f', 'e', '%', '^7', 's' if False else '']])
print('{}'.format(True), '{:d}'.format(False), '{!s:>6}'.format(True), f'{True}', f'{True:>3}')
try:
    format(True, 's')
except ValueError as e:
    print(e)
