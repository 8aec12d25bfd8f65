# upper lower capitalize title swapcase casefold (ASCII)
cases = ['', 'a', 'A', 'hello', 'HELLO', 'Hello World', 'hello world', "they're bill's friends",
         'mIxEd CaSe 123', '123abc', 'a1b2c3', '_x_y', 'ALL_CAPS', 'o\'neil', '  lead', 'x.y-z']
for s in cases:
    print(repr(s), s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print('abc'.upper().lower(), 'ABC'.lower() == 'abc', 'aBc'.swapcase().swapcase())
