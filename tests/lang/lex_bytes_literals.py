# bytes literals
print(b"abc", b'x', b"""tri""", b'')
print(b"\x00\xff\n\t\\", list(b"\x00\x7f\x80\xff"))
print(b"\101\0", b"\777")
print(b"\u1234", len(b"\u1234"), b"\N{X}")
print(B"up", type(b""))
print(b"a" b"b" b'c')
for src in ['b"\u00e9"', 'b"caf\u00e9"', 'b"\\x4"']:
    try:
        compile(src, "<s>", "eval")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
