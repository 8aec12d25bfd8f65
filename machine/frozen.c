/* The file layer the module loader uses on the board: the VFS (the flash's filesystem).
 * The Python modules frozen into the firmware (modules/manifest) are precompiled bytecode,
 * const tables made by tools/freeze.py that import finds before sys.path
 * (mt_persist_import_frozen, core/persist.h); the board's sys.path keeps MicroPython's
 * ".frozen" entry, under which no file is found. */
#include "board.h"

#include "vfs.h"

int mt_board_file_stat(const char *path) {
    return mt_vfs_hal_stat(path);
}

int mt_board_file_open_read(const char *path) {
    return mt_vfs_hal_open_read(path);
}

long mt_board_file_read(int handle, void *buf, size_t n) {
    return mt_vfs_hal_read(handle, buf, n);
}

void mt_board_file_close(int handle) {
    mt_vfs_hal_close(handle);
}

void mt_board_file_reset(void) {}
