# octal, hex and unicode escapes
print([ord(c) for c in "\0\7\10\101\1010\377"])
print("\x41\x62\x7e", ord("\xe9"), ord("\xff"))
print("\u0041\u00e9\u20ac", ord("\u20ac"))
print("\U00000041", ord("\U0001F600"), len("\U0001F600"))
print(ord("\777"))
print("\x41BC" == "ABC")
print(len("\u00e9"), "\u00e9".encode())
for src in [r'"\x4"', r'"\xg0"', r'"\u12"', r'"\U1234567"', r'"\U00110000"', r'"\N{DASH}"']:
    try:
        compile(src, "<s>", "eval")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
