# float.fromhex, and round trips through float.hex
for s in ["0x1.8p0", "0x1p-1", "-0x1.8p+1", "1", "0xA", "0x.8", "ff.8", "  0x1p10  ", "0x0p0", "-0x0.0p0",
          "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1.fffffffffffffp1023", "0x3p-1076",
          "inf", "-Infinity", "nan", "0x1.00000000000008p0", "0x1.00000000000018p0", "0X1P+3", "0x1p-100000"]:
    print(repr(s), float.fromhex(s))
for f in [0.1, -2.5, 1e300, 5e-324, 1 / 3, 123456.789]:
    print(float.fromhex(f.hex()) == f)
for s in ["", "0x", "0xg", "1p", "0x1p+", "0x1.2.3", "x1", "0x1p1.5", "- 0x1"]:
    try:
        float.fromhex(s)
    except ValueError as e:
        print(repr(s), "ValueError", e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print("OverflowError", e)
