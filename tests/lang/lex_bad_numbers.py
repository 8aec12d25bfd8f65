# malformed number literals are SyntaxErrors
for src in ["0b2", "0b", "0o8", "0o", "0x", "0xg", "1__0", "1_", "08", "012",
            "0_7", "1abc", "1e", "1e+", "1e_5", "1.__class__", "1.real", "0x_",
            "0b1_", "1_e5", "1.5_", "3x"]:
    try:
        compile(src, "<s>", "eval")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
# these are fine
for src in ["00", "0_0", "0e0", "09.5", "1 .real", "1.e5", "1_0"]:
    print(src, eval(src))
