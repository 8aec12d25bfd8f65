# invalid strings for int()
for s in ["", " ", "x", "1x", "1 2", "--1", "+-1", "1_", "_1", "1__0", "0x", "1.5", "1e3",
          "- 1", "0b", "0_"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s, b in [("12", 2), ("9", 8), ("g", 16), ("0x10", 10), ("0b12", 0), ("012", 0), ("09", 0),
             ("0o8", 0), ("0x_", 16), ("z", 35)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
try:
    int(b"1x")
except ValueError as e:
    print("ValueError", e)
