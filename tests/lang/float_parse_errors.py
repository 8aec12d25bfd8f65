# invalid strings for float()
for s in ["", " ", "x", "1.5x", "1..5", "1e", "e5", "1e+", "--1", "1_", "_1", "1__0", "1_.5",
          "1._5", "1e_5", "inf inity", "infinit", "nana", "0x10", "1 2", ".", "+", "1,5"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for x in [None, [1.0], {}]:
    try:
        float(x)
    except TypeError as e:
        print("TypeError", e)
try:
    float(1j)
except TypeError as e:
    print("TypeError", e)
