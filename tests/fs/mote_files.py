# skip: run by tests/fs/run.py (mote with vfstest, or python3 for the expected output)
# Files on the board's flash file system: open modes, reading, writing, seeking, errors.
# Under python3 the same operations run in a temporary directory: the expected output.
import sys

try:
    import vfstest

    os, open = vfstest.os, vfstest.open
    bdev = vfstest.flash(sys.argv[1] + "/files.img") if len(sys.argv) > 1 else vfstest.ramflash(512)
    os.VfsFat.mkfs(bdev)
    os.mount(os.VfsFat(bdev), "/flash")
    os.chdir("/flash")
except ImportError:
    import os, tempfile

    os.chdir(tempfile.mkdtemp())


def err(f, *args):
    try:
        f(*args)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)
    except ValueError as e:
        print("ValueError")


# write and read back, text and binary
with open("t.txt", "w") as f:
    print(f.write("hello\nwörld\n"), f.write(""), f.write("last line"))
with open("t.txt") as f:
    print(repr(f.read()))
with open("t.txt", "rb") as f:
    print(f.read())
with open("t.txt") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open("t.txt") as f:
    print(f.readlines())
with open("t.txt") as f:
    print([line for line in f])
with open("t.txt") as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.read(100)), repr(f.read()))
with open("t.txt", "rb") as f:
    print(f.read(8), f.tell(), f.read(0), f.read())
with open("t.txt") as f:
    print(repr(f.readline(3)), repr(f.readline(100)))

# append, x, +
with open("t.txt", "a") as f:
    f.write("\nappended")
print(open("t.txt").read().split("\n")[-1])
err(open, "t.txt", "x")
with open("new.txt", "x") as f:
    f.write("x mode")
print(open("new.txt").read())
with open("t.txt", "r+") as f:
    f.write("HELLO")
    f.seek(0)
    print(repr(f.readline()))
with open("t.txt", "w+") as f:
    f.write("abc")
    f.seek(0)
    print(f.read())
with open("t.txt", "a+") as f:
    f.write("def")
    f.seek(0)
    print(f.read())

# binary, seek and tell, sparse writes, truncate
data = bytes(range(256)) * 40
with open("b.bin", "wb") as f:
    print(f.write(data), f.tell())
with open("b.bin", "rb") as f:
    print(f.read() == data)
    print(f.seek(100), f.read(4), f.tell())
    print(f.seek(-4, 2), f.read(), f.seek(10), f.seek(5, 1), f.tell())
    buf = bytearray(10)
    print(f.readinto(buf), buf)
    f.seek(0, 2)
    print(f.readinto(buf), f.read(), f.read(10))
with open("b.bin", "r+b") as f:
    f.seek(20000)
    f.write(b"end")
    print(f.tell())
with open("b.bin", "rb") as f:
    d = f.read()
    print(len(d), d[10238:10242], d[10240:20000] == bytes(9760), d[-3:])
with open("b.bin", "r+b") as f:
    print(f.truncate(5000), f.tell())
    f.seek(0, 2)
    print(f.tell())
    print(f.truncate())
print(os.stat("b.bin")[6])
with open("b.bin", "ab") as f:
    f.write(b"tail")
with open("b.bin", "rb") as f:
    d = f.read()
    print(len(d), d[:3], d[-4:])

# large file written in many pieces, read in others
with open("big.bin", "wb") as f:
    for i in range(300):
        f.write(bytes([i % 256]) * (i % 97 + 1))
        if i % 50 == 0:
            f.flush()
n = 0
with open("big.bin", "rb") as f:
    ok = True
    for i in range(300):
        ok = ok and f.read(i % 97 + 1) == bytes([i % 256]) * (i % 97 + 1)
    print(ok, f.read())
print(os.stat("big.bin")[6])

# errors
f = open("t.txt")
f.close()
f.close()
err(f.read)
err(f.write, "x")
err(open, "nonexistent.txt")
err(open, "nonexistent/t.txt", "w")
err(open, "t.txt", "rw")
err(open, "t.txt", "z")
with open("t.txt") as f:
    err(f.write, "x")
with open("t.txt", "w") as f:
    err(f.read)
try:
    with open("t.txt", "w") as f:
        f.write(b"bytes")
except TypeError:
    print("TypeError")
try:
    with open("t.txt", "wb") as f:
        f.write("str")
except TypeError:
    print("TypeError")

# an unclosed file is committed when it is closed by the collector or by flush
f = open("flushed.txt", "w")
f.write("committed by flush")
f.flush()
print(open("flushed.txt").read())
f.close()
for name in sorted(os.listdir()):
    print(name, os.stat(name)[6])
