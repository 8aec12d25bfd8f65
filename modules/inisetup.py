# inisetup: the board's first boot (frozen into the firmware as bytecode). _boot imports it
# when the flash holds no filesystem: a blank flash is formatted (FAT) and given a boot.py; a
# flash that holds something else is left alone, with a message saying how to erase it.
import os
from flashbdev import bdev

BOOT_PY = """\
# boot.py: runs at every boot (deep-sleep wake-ups too), before main.py.
#import esp
#esp.osdebug(None)       # silence the system's debug output
import os, machine
import gc
#import webrepl          # the WebREPL: run `import webrepl_setup` once to choose a
#webrepl.start()         # password, then uncomment these two lines
gc.collect()
"""


def blank():
    buf = bytearray(512)
    bdev.readblocks(0, buf)
    return buf == b"\xff" * 512


def setup():
    if not blank():
        print("The flash holds data that is not a filesystem Mote can mount; left as it is.")
        print("To erase it and start afresh (every file is lost):")
        print("    import os; os.VfsFat.mkfs(bdev)   and then reset the board")
        return None
    print("Performing initial setup")
    os.VfsFat.mkfs(bdev)
    vfs = os.VfsFat(bdev)
    os.mount(vfs, "/")
    with open("boot.py", "w") as f:
        f.write(BOOT_PY)
    return vfs
