# the is* predicates on ASCII strings (empty string included)
preds = ['isalpha', 'isdigit', 'isdecimal', 'isnumeric', 'isalnum', 'isspace', 'isupper', 'islower',
         'istitle', 'isidentifier', 'isprintable', 'isascii']
cases = ['', 'a', 'Z', 'abc', 'ABC', 'aBc', 'a1', '123', '0', ' ', '\t\n', ' a', 'Hello World',
         'Hello world', 'HELLO World', 'Hello  World', 'A1 B2', '_', '_a1', '1a', 'a b', 'if', '\x00',
         '\x7f', 'x\n', '!@#', 'ab_CD', 'a-b', 'He\'s', '1A']
for s in cases:
    print(repr(s), ''.join('1' if getattr(s, p)() else '0' for p in preds))
