# _boot: the first code every boot of the board runs. It is frozen into the firmware as
# bytecode (modules/manifest) and runs in a namespace of its own, so nothing it names stays
# in RAM after it. It mounts the flash's FAT filesystem at /; when there is none (the first
# boot), inisetup formats it and writes boot.py. Then the board runs boot.py, main.py and the
# REPL.
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
        del sys.modules["inisetup"]  # first boot only: give its RAM back
gc.collect()
