print(chr(65), chr(97), chr(0x263A), chr(0x1F600), chr(0), repr(chr(10)), chr(127), chr(128) == "\x80", len(chr(0x10FFFF)))
print(ord("A"), ord("\u263a"), ord("\U0001f600"), ord(b"a"), ord(bytearray(b"z")), ord("\x00"))
for v in (-1, 0x110000, 2**70):
    try:
        chr(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
try:
    chr(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError", e)
for bad in ("ab", "", b"ab"):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    ord(5)
except TypeError as e:
    print("TypeError", e)
print("".join(chr(ord(c) + 1) for c in "HAL"))
class I:
    def __index__(self):
        return 66
print(chr(I()))
