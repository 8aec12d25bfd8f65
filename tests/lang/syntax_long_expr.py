# skip-chip: builds several KB of source text at once; the chip's heap fragments
# very long lines and expressions
print(eval("+".join(str(i) for i in range(500))))
print(len(eval("[" + ",".join("'s%d'" % i for i in range(300)) + "]")))
print(len(eval("{" + ",".join("%d: %d" % (i, i) for i in range(200)) + "}")))
big = "x" * 5000
print(len(eval(repr(big))), len(eval("'''" + big + "'''")))
