# every valid prefix, any case
x = 5
for s in [r"a", R"a", u"a", U"a", b"a", B"a", f"a{x}", F"a{x}",
          rb"a", rB"a", Rb"a", RB"a", br"a", bR"a", Br"a", BR"a",
          fr"a{x}", fR"a{x}", Fr"a{x}", FR"a{x}", rf"a{x}", rF"a{x}", Rf"a{x}", RF"a{x}"]:
    print(repr(s))
# invalid prefixes
for src in ['ur"a"', 'bu"a"', 'fb"a"', 'bf"a"', 'rr"a"', 'uu"a"', 'ub"a"']:
    try:
        compile(src, "<s>", "eval")
        print(src, "ok")
    except SyntaxError as e:
        print(src, type(e).__name__)
# a name that looks like a prefix is just a name
rb = 1; f = 2; u = 3; br = 4
print(rb, f, u, br)
