# f-strings: fields, conversions, format specs
x = 42; name = "Ada"; pi = 3.14159
print(f"{x}", f"x={x}", f"{name} is {x} years", f"{x}{x}", f"{{}}", f"{{{x}}}")
print(f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}", f"{x!r:>5}")
print(f"{x:5}|", f"{x:<5}|", f"{x:^7}|", f"{x:05d}", f"{x:x}", f"{x:#b}", f"{x:,}")
print(f"{pi:.2f}", f"{pi:10.3f}|", f"{pi:e}", f"{-pi:+.1f}")
w = 8; p = 2
print(f"{pi:{w}.{p}f}|", f"{pi:{w}}|", f"{name:>{w}}|", f"{x:{'^'}{w}}|")
print(f"{x + 1}", f"{x * 2 if x else 0}", f"{[i for i in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{(lambda: 5)()}", f"{name.upper()}", f"{name[0]}", f"{len(name)}")
print(f"{x!r}{name!s}", f"a{x}b{x}c", f"", f"plain")
print(f"{3.0:g}", f"{1e10:,.0f}", f"{'s':*^5}", f"{x:=+6}")
print(F"upper {x}", f'single {x}', f"""triple {x}""", f'''triple2 {x}''')
d = {'a': 1}
print(f"{d['a']}", f'{d["a"]}', f"{x!s:^6}|")
print(f"{x,}", f"{x, name}", f"{ x }", f"{  x  =  }")
