# String formatting: %-formatting, str.format and f-strings with widths, precision, types.
def report(n):
    h = 0
    for i in range(n):
        a = "%5d|%-8s|%08.3f|%x" % (i, "n" + str(i % 13), i / 7, i * 31)
        b = "{:>6}:{:<4}:{:.2f}:{!r}".format(i, i % 9, i * 0.125, "s%d" % (i % 5))
        c = f"{i:04d}-{i * 3:+d}-{i % 11:>3}"
        h = (h * 7 + len(a) + len(b) + len(c) + ord(a[3]) + ord(b[-2])) % 1000003
    return h, a, b, c


print("formatting", report(30000))
