# implicit concatenation of adjacent literals
print("a" "b" 'c' """d""")
x = ("first "
     "second "
     'third')
print(x)
print(b"a" b"b" B"c")
print(r"\n" "\n" == "\\n\n")
print("x" f"{1+1}" "y" f"{'z'}")
print(len("abc" "def"))
try:
    compile('"a" b"b"', "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__)
try:
    compile('b"a" f"b"', "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__)
