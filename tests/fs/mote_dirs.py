# skip: run by tests/fs/run.py (mote with vfstest, or python3 for the expected output)
# Directories and entries on the board's flash: mkdir rmdir listdir ilistdir remove rename
# stat chdir getcwd, and their errors. Under python3: the same in a temporary directory.
import sys

try:
    import vfstest

    os, open = vfstest.os, vfstest.open
    bdev = vfstest.flash(sys.argv[1] + "/dirs.img") if len(sys.argv) > 1 else vfstest.ramflash(512)
    os.VfsFat.mkfs(bdev)
    os.mount(os.VfsFat(bdev), "/flash")
    os.chdir("/flash")
except ImportError:
    import os, tempfile

    os.chdir(tempfile.mkdtemp())
top = os.getcwd()
ilistdir = getattr(os, "ilistdir", None) or (
    lambda d: [(e.name, 0x4000 if e.is_dir() else 0x8000) for e in os.scandir(d)])


def err(f, *args):
    try:
        f(*args)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)


def touch(path, data="x"):
    with open(path, "w") as f:
        f.write(data)


def tree(d="."):
    out = []
    for name in sorted(os.listdir(d)):
        p = d + "/" + name
        if os.stat(p)[0] & 0xF000 == 0x4000:
            out.append(name + "/")
            out += [name + "/" + x for x in tree(p)]
        else:
            out.append(name)
    return out


os.mkdir("lib")
os.mkdir("lib/sub")
os.mkdir("Documents and Settings")
touch("lib/a.py")
touch("lib/sub/deep.py", "deep")
touch("Documents and Settings/A File With A Long Name.txt", "long")
touch("\u00fcn\u00efc\u00f6d\u00e9 \u65e5\u672c.txt", "unicode")
print(tree())
print(sorted(os.listdir("lib")), sorted(os.listdir("/" + top.strip("/") + "/lib")))
print(sorted((e[0], e[1]) for e in ilistdir("lib")))
print(os.stat("lib")[0] & 0xF000, os.stat("lib/a.py")[0] & 0xF000, os.stat("lib/sub/deep.py")[6])

# errors
err(os.mkdir, "lib")
err(os.mkdir, "nope/x")
err(os.rmdir, "lib")
err(os.rmdir, "nope")
err(os.rmdir, "lib/a.py")
err(os.remove, "lib")
err(os.remove, "nope")
err(os.listdir, "nope")
err(os.listdir, "lib/a.py")
err(os.stat, "nope")
err(os.stat, "lib/a.py/x")
err(os.chdir, "nope")
err(os.chdir, "lib/a.py")
err(os.rename, "nope", "x")
err(os.rename, "lib/a.py", "nope/x")
err(os.rename, "lib", "lib/sub/inside")
err(os.rename, "lib/a.py", "lib/sub")

# rename: files and directories, within and across directories, over files
os.rename("lib/a.py", "lib/b.py")
os.rename("lib/b.py", "b.py")
os.rename("Documents and Settings", "lib/docs")
touch("old.txt", "old")
touch("new.txt", "new")
os.rename("new.txt", "old.txt")
print(open("old.txt").read())
os.rename("lib/sub", "moved")
print(tree())
print(open("moved/deep.py").read())
os.chdir("moved")
print(os.getcwd() == top + "/moved", sorted(os.listdir()), open("../b.py").read())
os.chdir("..")
print(os.getcwd() == top)

# remove and rmdir
os.remove("moved/deep.py")
os.rmdir("moved")
os.remove("b.py")
os.unlink("old.txt")
err(os.rmdir, "lib")
print(tree())

# many entries in one directory (it grows)
os.mkdir("many")
for i in range(60):
    touch("many/file number %d with a long name.txt" % i, str(i))
names = sorted(os.listdir("many"))
print(len(names), names[:3])
print(all(open("many/" + n).read() == n.split()[2] for n in names))
for i in range(0, 60, 2):
    os.remove("many/file number %d with a long name.txt" % i)
for i in range(100, 110):
    touch("many/f%d" % i, str(i))
print(len(os.listdir("many")), sorted(os.listdir("many"))[-3:])
