for src in ("1 +", "def f(:\n  pass", "x = (", "return 5"):
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, isinstance(e.msg, str))
e = SyntaxError("bad thing", ("f.py", 3, 4, "text"))
print(str(e), e.msg, e.filename, e.lineno, e.offset, e.text)
print(str(SyntaxError("m")), SyntaxError("m").msg, SyntaxError("m").lineno)
try:
    exec("if True:\nx = 1")
except IndentationError as e:
    print("IndentationError", isinstance(e, SyntaxError))
