# f-strings: expressions, conversions, specs, nested specs, escapes
x, y, name, pi = 3, 4, 'Ada', 3.14159265
print(f'{x} + {y} = {x + y}', f'{name!r} {name!s} {name!a}', f'{"é"!a}', f'{pi:.3f} {pi:10.2e}|')
w, p = 10, 2
print(f'[{pi:{w}.{p}f}] [{name:^{w}}] [{x:0{w}d}] [{x:{"<"}{w}}]')
print(f'{{}} {{x}} {x!r:>4} {[1, 2][0]} {dict(a=1)["a"]} {"q" * 3}')
print(f'{x:#x} {255:#o} {1234567:,} {0.5:%} {-7:+05d} {"s":*>5}')
print(f'' == '', f'{""}' == '', f'{x}{y}{x}', f'{x}' + f'{y}', f'a' f'{x}' 'b')
items = ['a', 'b']
print(f'{len(items)} items: {", ".join(items)}', f'{items!r}', f'{items[-1].upper()}')
print(f'{3.0}', f'{1e20}', f'{True}', f'{None}', f'{10**20}', f'{-0.0}', f'{1+2j}')
def f(v):
    return f'<{v}>'
print(f(f('x')), f'{f"{x}"}')
