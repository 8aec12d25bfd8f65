# chip-float: double-precision digits
# a matrix of operators over int, big int, bool, float and complex operands
vals = [3, -2, 2 ** 70, True, 2.5, -0.5, 1 + 1j]
ops = ["+", "-", "*", "/", "//", "%", "**", "<", "==", "!="]
for a in vals:
    for b in vals:
        row = []
        for op in ops:
            if op == "**" and b == 2 ** 70:
                continue
            try:
                r = eval("a %s b" % op)
                if isinstance(r, complex):
                    r = (round(r.real, 6), round(r.imag, 6))
                elif isinstance(r, float) and abs(r) < 1e15:
                    r = round(r, 6)
                row.append(r)
            except (TypeError, ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__)
        print(repr(a), repr(b), row)
