# str.splitlines: every line boundary, keepends
cases = ['', 'a', 'a\n', '\n', '\n\n', 'a\nb', 'a\r\nb', 'a\rb', 'a\r\rb', 'a\n\rb', 'a\x0bb\x0cc',
         'a\x1cb\x1dc\x1ed', 'a\x85b', 'a\u2028b\u2029c', 'end\r\n', 'x\r', 'tab\tis not\tone']
for s in cases:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
print('a\nb'.splitlines(False), 'a\nb'.splitlines(0), 'a\nb'.splitlines(1))
