# open(): write, read back, modes, iteration, with, errors
import sys

path = sys.argv[1]
with open(path, "w") as f:
    print(f.write("line one\n"), f.write("l\u00efne two\n"), f.closed)
print(f.closed)
with open(path) as f:
    print(repr(f.read(4)), repr(f.readline()), f.readline() == "l\u00efne two\n")
    print(repr(f.read()))
with open(path, "a") as f:
    f.write("three\r\nfour\rfive")
with open(path) as f:
    print([line for line in f])
with open(path, newline="") as f:
    print(repr(f.read()[-16:]))
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8])
    f.seek(5)
    print(f.tell(), f.read(3))
    f.seek(-4, 2)
    print(f.read())
    buf = bytearray(4)
    f.seek(0)
    print(f.readinto(buf), buf)
with open(path, "wb") as f:
    f.write(b"\x00\x01\xff")
with open(path, "rb") as f:
    print(list(f.read()))
with open(path, "r+") as f:
    pass
f = open(path, "w")
f.write("abc")
f.close()
f.close()
for op in (lambda: f.read(), lambda: f.write("x"), lambda: f.readline(), lambda: iter(f)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
try:
    open(path + ".does-not-exist")
except OSError as e:
    print("OSError", e.errno)
try:
    open(path, "x")
except OSError as e:
    print("OSError", e.errno)
for mode in ("rw", "z", "rbt", ""):
    try:
        open(path, mode)
    except ValueError:
        print("ValueError", repr(mode))
try:
    open(path, "rb", encoding="utf-8")
except ValueError:
    print("ValueError encoding")
with open(path, "wb") as f:
    f.write(b"\xff\xfe")
try:
    with open(path) as f:
        f.read()
except UnicodeError:
    print("UnicodeError")
with open(path, "w") as f:
    try:
        f.read()
    except OSError:
        print("not readable")
try:
    open(".")
except OSError as e:
    print("OSError", e.errno)
