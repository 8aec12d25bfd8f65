# soft keywords are ordinary names; hard keywords are not
match = 1
case = 2
_ = 3
print(match, case, _)
def match(x): return x
print(match(5))
for kw in ["class", "def", "if", "None", "True", "False", "lambda", "yield", "await",
           "async", "pass", "return", "import", "in", "is", "and", "or", "not", "with",
           "as", "del", "global", "nonlocal", "try", "except", "finally", "raise", "while",
           "for", "break", "continue", "elif", "else", "assert", "from"]:
    try:
        compile(kw + " = 1", "<s>", "exec")
        print(kw, "ok")
    except SyntaxError as e:
        print(kw, type(e).__name__)
print(True, False, None)
