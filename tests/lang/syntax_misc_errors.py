# assorted invalid programs: each is a SyntaxError, none crashes
cases = [
    "x = = 1", "x == = 1", "1 2", "a b c", "print 'hello'", "f(", ")", "]", "}", "(]", "[)",
    "{)", "x = )", "def", "class", "if", "else", "elif x: pass", "except: pass", "finally: pass",
    "x +* 1", "x ** * 2", "x = 1 if", "a := 1", "x = (a := )", "import 1", "from 1 import x",
    "not", "x = not", "a not b", "a is not not b", "a in not b", "x = 1,,", "x = (,)",
    "x.1", "x..y", "x = .", "...x", "@", "@ x", "->", "x -> y", "lambda: :", "x = {:}",
    "x = {1:}", "x = [:]", "f(*)", "f(**)", "f(a=)", "f(=1)", "x[", "x[]", "a = b = ",
    "del", "del ()", "return return", "yield yield", "global x = 1", "assert x = 1",
    "raise raise", "pass pass", "break break", "with", "for", "while", "try", "if x pass",
    "x = 5 6", "True False", "x = 'a' 1", "def f(): pass pass", "class C(): pass pass",
    "if x: if y: pass", "for x in y: for z in w: pass", "x = [1, 2 3]", "f(a b=1)",
]
n = 0
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "ok")
    except SyntaxError:
        n += 1
print(n, "of", len(cases), "rejected")
# a few that are surprisingly valid
for src in ["x = (yield_ := 1)", "a = b = c", "f(*a, *b, **c, **d)", "x = [*a, *b]",
            "x = 1 if 2 else 3 if 4 else 5", "print(*[1], sep='')", "a[...]", "a[:, 1:]",
            "x = not not a", "lambda: (yield)", "x = -+-+-1", "del (a), [b], c.d, e[0]"]:
    compile(src, "<s>", "exec")
    print(src, "ok")
