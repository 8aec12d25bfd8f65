# _boot: the first code every boot of the board runs (frozen into the firmware).
# It mounts the flash's FAT filesystem at /; when there is none (the first boot), inisetup
# formats it and writes boot.py. Then the board runs boot.py, main.py and the REPL.
import gc
import os
from flashbdev import bdev

gc.threshold((gc.mem_free() + gc.mem_alloc()) // 4)
if bdev:
    try:
        os.mount(os.VfsFat(bdev), "/")
    except OSError:
        import sys
        import inisetup

        inisetup.setup()
        del sys.modules["inisetup"], inisetup, sys  # first boot only: give its RAM back
gc.collect()
