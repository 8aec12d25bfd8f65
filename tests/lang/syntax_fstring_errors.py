# malformed f-strings are SyntaxErrors
cases = ['f"{}"', 'f"{ }"', 'f"{x!z}"', 'f"{x!}"', 'f"}"', 'f"{"', 'f"{x"', 'f"{x:{y:{z}}}"',
         'f"{a#}"', 'f"{x!r=}"', 'f"{)}"', 'f"{x)}"', 'f"{(x}"', 'f"{x y}"', 'f"{=}"',
         'f"{*x}"', 'f"{x:}}"', 'f"{\'a\'\\n}"', 'f"{lambda x: 1}"']
for src in cases:
    try:
        compile(src, "<s>", "eval")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
# these are fine
x = 1
print(f"{x:}", f"{x!r:}", f"{(lambda y: y)(x)}", f"{x:{''}}")
