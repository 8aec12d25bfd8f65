# quotes, nesting, raw f-strings, concatenation
x = 5
d = {"k": "v", 'q': "w"}
print(f"{d['k']}", f'{d["q"]}', f"""{d["k"] + d['q']}""", f'''{"'"}''')
print(f"{'nested ' + f'{x}'}", f'{f"{x}" * 2}', f"""{f'''{x}'''}""")
print(f"{'a' 'b'}", f"{x}" "plain" f"{x}", "plain" f"{x}")
print(rf"\n{x}", fr"\t{x}\d", Rf"{x}\\", len(rf"\n{x}"))
print(f"\n{x}\t|", f"\x41{x}", f"\u00e9{x}", f"\101{{x}}")
print(f"\{x}", f"\{{x}}", len(f"\{x}"))
print(f"""multi
line {x}
end""")
print(f"{x:{'>'}{'5'}}")
print(f"{'{'}{'}'}", f"{{{'x'}}}")
y = 'str'
print(f"{y!r:^9}", f"{y:'>6}")
