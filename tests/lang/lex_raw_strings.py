# raw strings keep backslashes
print(r"\n", r'\t', R"\x41", r"""\u0041""")
print(len(r"\n"), len(r"a\\b"))
print(r"\"", r'\'', len(r"\""))
print(r"a\
b" == "a\\\nb")
print(r"\N{DASH}", r"\777")
print(rb"\n", Rb"\x00", bR"\\", BR"a\b")
