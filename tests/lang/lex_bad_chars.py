# characters that cannot start a token
for src in ["a = 1 $ 2", "a ? b", "`a`", "a = !b", "x = 1\x01", "x = 5 \x7f"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
# invalid UTF-8 in a bytes source
for src in [b"x = '\xff'", b"\xc3(", b"'\xed\xa0\x80'"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
# a UTF-8 byte order mark is allowed at the start
d = {}
exec(b"\xef\xbb\xbfx = 42", d)
print(d['x'])
