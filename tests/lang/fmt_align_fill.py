# fill characters (any code point, including the align characters themselves) and widths
for fill in ['', ' ', '*', '0', '<', '>', '^', '=', '{', 'é', '€', '😀']:
    for align in '<>^':
        spec = fill + align + '7'
        print(repr(spec), repr(format('ab', spec)), repr(format(-12, spec)), repr(format(1.5, spec)))
    spec = fill + '=8'
    print(repr(spec), repr(format(-12, spec)), repr(format(3.25, '+' if False else spec)))
for w in range(0, 9):
    print(w, repr(format('abc', '^%d' % w)), repr(format(7, '^%d' % w)), repr(format('é', '*^%d' % w)))
