# complex() from strings
for s in ["1", "1j", "-1j", "+1j", "j", "-j", "+j", "1+2j", "1-2j", "-1.5+2.5j", "1e3-1e-3j", " 3+4j ",
          "(1+2j)", " ( -1-1j ) ", "1+j", "1-j", "2.5", "-0", "inf", "infj", "-inf+nanj", "nanj",
          "1_0+2_0j", "1.J", ".5j", "1e+3j", "1E-2+1J"]:
    print(repr(s), complex(s))
for s in ["", "x", "1+", "1+2", "j1", "1+2jj", "1 + 2j", "(1+2j", "1+2j)", "1++2j", "()", "1j+2",
          "1_j", "--1j", "1+2k", "( )", "1e+j"]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
