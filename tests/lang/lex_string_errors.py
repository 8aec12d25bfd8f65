# unterminated strings and bad escapes
cases = ['"abc', "'abc", '"""abc', "'''abc\n\n", '"abc\ndef"', "'a\\", 'x = "', 'b"\\x"',
         'f"{"', 'print("a)']
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), type(e).__name__)
