# skip: run by tests/fs/run.py under mote (vfstest); expected output in mote_fat.exp
# What is FAT's and MicroPython's own: VfsFat over Python block devices, mount points,
# Python VFS objects, case-insensitive names, read-only mounts, ENOSPC, remounting.
import sys
import vfstest

os, open = vfstest.os, vfstest.open


def err(f, *args, **kw):
    try:
        f(*args, **kw)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)


class RAMBlockDev:
    """MicroPython's documented example of a block device"""

    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)
        self.reads = self.writes = 0

    def readblocks(self, block_num, buf):
        self.reads += 1
        for i in range(len(buf)):
            buf[i] = self.data[block_num * self.block_size + i]

    def writeblocks(self, block_num, buf):
        self.writes += 1
        for i in range(len(buf)):
            self.data[block_num * self.block_size + i] = buf[i]

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size


# ---- VfsFat on Python block devices of 512- and 4096-byte blocks
for bs in (512, 4096):
    bdev = RAMBlockDev(bs, 128 * 1024 // bs)
    err(os.VfsFat(bdev).mount, False, False)  # not formatted: ENODEV
    os.VfsFat.mkfs(bdev)
    vfs = os.VfsFat(bdev)
    os.mount(vfs, "/ram")
    with open("/ram/hello.txt", "w") as f:
        f.write("hello from a %d-byte block device" % bs)
    os.mkdir("/ram/dir")
    print(os.listdir("/ram"), open("/ram/hello.txt").read())
    print(os.statvfs("/ram")[0] in (512, 1024, 2048, 4096), bdev.writes > 0)
    os.umount("/ram")
    err(os.listdir, "/ram")
    os.mount(os.VfsFat(bdev), "/ram2")
    print(os.listdir("/ram2"), open("/ram2/hello.txt").read())
    os.umount(vfs if False else "/ram2")

# a device whose readblocks fails: its exception comes through
class Broken(RAMBlockDev):
    def readblocks(self, n, buf):
        raise RuntimeError("broken device")


try:
    os.VfsFat(Broken(512, 64))
except RuntimeError as e:
    print("RuntimeError", e)

# garbage is not a file system
bdev = RAMBlockDev(512, 64)
bdev.data[:] = bytes(range(256)) * 128
err(os.mount, os.VfsFat(bdev), "/bad")
print(os.listdir("/"))

# ---- the flash, mount points and the virtual root
flash = vfstest.ramflash(1024)
os.VfsFat.mkfs(flash)
fs = os.VfsFat(flash)
os.mount(fs, "/")
os.mkdir("/lib")
os.mount(os.VfsFat(RAMBlockDev(512, 256)), "/sd", mkfs=True)
print(sorted(os.listdir("/")), os.listdir("/sd"))
err(os.mount, os.VfsFat(flash), "/")  # in use
err(os.mount, os.VfsFat(flash), "/sd")
err(os.umount, "/nothing")
err(os.rename, "/lib", "/sd/lib")  # across file systems
err(os.mkdir, "/sd")
print(os.stat("/")[0], os.stat("/sd")[0])
os.chdir("/sd")
print(os.getcwd())
with open("x.txt", "w") as f:
    f.write("on the sd card")
print(os.listdir(), open("/sd/x.txt").read())
os.chdir("/lib")
print(os.getcwd(), os.listdir())
os.chdir("/")
print(os.getcwd())
os.umount("/sd")
print(sorted(os.listdir("/")))

# ---- a file system written in Python (as mpremote mounts one)
class PyFS:
    def __init__(self):
        self.files = {"/hello.py": b"print('hi')\n"}
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        print("PyFS.mount", readonly, mkfs)

    def umount(self):
        print("PyFS.umount")

    def ilistdir(self, path):
        for name in sorted(self.files):
            yield (name[1:], 0x8000, 0)

    def stat(self, path):
        if path in ("/", ""):
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(2, "ENOENT")

    def open(self, path, mode):
        print("PyFS.open", path, mode)
        import io
        return io.BytesIO(self.files[path])

    def chdir(self, path):
        self.cwd = path

    def getcwd(self):
        return self.cwd


os.mount(PyFS(), "/remote", readonly=True)
print(os.listdir("/remote"), os.stat("/remote/hello.py")[6])
print(open("/remote/hello.py", "rb").read())
err(os.stat, "/remote/nope")
os.chdir("/remote")
print(os.getcwd(), os.listdir())
os.chdir("/")
os.umount("/remote")

# ---- FAT names: case-insensitive, case-preserving
with open("/ReadMe.TXT", "w") as f:
    f.write("case")
print(open("/readme.txt").read(), open("/README.TXT").read(), "ReadMe.TXT" in os.listdir("/"))
err(open, "/readme.txt", "x")
os.rename("/readme.txt", "/README.txt")
print(sorted(os.listdir("/")))
err(open, "/bad:name", "w")
err(open, "/" + "n" * 256, "w")
with open("/trailing dots...", "w") as f:  # stripped, as Windows does
    f.write("t")
print("trailing dots" in os.listdir("/"))

# ---- read-only, remount, persistence
os.umount("/")
os.mount(os.VfsFat(flash), "/", readonly=True)
print(sorted(os.listdir("/")), open("/README.txt").read())
err(open, "/new.txt", "w")
err(os.mkdir, "/d")
err(os.remove, "/README.txt")
os.umount("/")
os.mount(os.VfsFat(flash), "/")

# ---- filling the flash: ENOSPC, and the volume stays usable
total, free = os.statvfs("/")[2], os.statvfs("/")[3]
print(total, free < total)
chunk = b"z" * 4096
n = 0
try:
    with open("/fill.bin", "wb") as f:
        while True:
            f.write(chunk)
            n += 1
except OSError as e:
    print("OSError", e.errno, n >= free - 1)
print(os.statvfs("/")[3], os.stat("/fill.bin")[6] == os.stat("/fill.bin")[6] // 4096 * 4096)
err(os.mkdir, "/full")
os.remove("/fill.bin")
print(os.statvfs("/")[3] == free)
with open("/after.txt", "w") as f:
    f.write("space again")
print(open("/after.txt").read())
# ---- the module loader's view (the board's HAL file functions)
os.mkdir("/lib/pkg")
with open("/lib/mod.py", "w") as f:
    f.write("X = 1\n" * 100)
print(vfstest.hal_stat("/lib/mod.py"), vfstest.hal_stat("/lib/pkg"), vfstest.hal_stat("/nope"))
data = vfstest.hal_read("/lib/mod.py")
print(len(data), data[:6], vfstest.hal_read("/nope"))
vfstest.umount_all()
print(os.listdir("/"))
