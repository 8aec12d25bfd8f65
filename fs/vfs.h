/* The board's virtual file system: a mount table of file-system objects, the `os` functions
 * over it, open(), and the FAT file system objects (os.VfsFat) over the flash or over a
 * block device written in Python. What MicroPython documents for `os` and `vfs`.
 *
 * Any object with MicroPython's VFS methods can be mounted (os.mount(obj, "/remote") as
 * mpremote does): mount(readonly, mkfs), umount(), open(path, mode), ilistdir(path),
 * stat(path), statvfs(path), mkdir, rmdir, remove, rename(old, new), chdir, getcwd.
 * Paths reach it as MicroPython passes them: absolute ones with the mount point cut off
 * ("/remote/a/b" becomes "/a/b"), relative ones as given (each file system keeps its own
 * current directory; os.getcwd() is the mount point plus that).
 *
 * Setting up the board (the port does this at boot, then runs boot.py and main.py):
 *
 *     static mt_flash_t flash;                 // or a field of the port's state
 *     mt_flash_open_image(&flash, "flash.img", 1 << 20);   // host; the chip: its SPI port
 *     mt_obj_t bdev = mt_flashbdev_new(&flash);   // finishes what a power cut interrupted
 *     mt_obj_t vfs = mt_vfs_fat_new(bdev);        // OSError(ENODEV): not formatted yet
 *     mt_vfs_mount(vfs, "/", false, false);       // (mt_vfs_fat_mkfs(bdev) first if needed)
 *
 * and makes the builtin open() call mt_vfs_open, registers mt_module_os_vfs as `os`, and
 * gives the core's module loader mt_vfs_hal_stat/open_read/read/close as its HAL file
 * functions. All of these raise OSError(errno) on failure (mt_raise_oserror), except the HAL
 * ones, which never raise. */
#ifndef MT_VFS_H
#define MT_VFS_H

#include "fat.h"
#include "flash.h"
#include "journal.h"
#include "obj.h"

/* the slot of mt_state.extra holding the VFS state (mount table, current directory, the
 * module loader's open files) */
#define MT_VFS_STATE_SLOT 7

/* ---- the mount table and the os functions (fs/vfs.c) */
void mt_vfs_mount(mt_obj_t fs, const char *path, bool readonly, bool mkfs);
void mt_vfs_umount(mt_obj_t path_or_fs);
void mt_vfs_umount_all(void); /* soft reset: every file system unmounted (files flushed) */
/* the builtin open() of the board: open(file, mode='r', buffering=-1, encoding=None, ...) */
mt_obj_t mt_vfs_open(size_t n, const mt_obj_t *args, mt_map_t *kw);
/* os.sync(): every mounted file system's open files are committed */
void mt_vfs_sync(void);

/* for the module loader (core/hal.h semantics; never raise): 0 none, 1 file, 2 directory */
int mt_vfs_hal_stat(const char *path);
int mt_vfs_hal_open_read(const char *path); /* a handle >= 0, or -1 */
long mt_vfs_hal_read(int handle, void *buf, size_t n);
void mt_vfs_hal_close(int handle);

/* os.stat()'s times count seconds from 1970 plus this offset: the board sets -946684800 so
 * they count from 2000 as MicroPython's ESP8266 port does. FAT times are taken as UTC. */
extern int32_t mt_vfs_epoch_offset;

/* the os functions, as objects (fs/modos_vfs.c builds the module from them) */
extern const mt_fun_builtin_t mt_vfs_mount_obj, mt_vfs_umount_obj, mt_vfs_getcwd_obj,
    mt_vfs_chdir_obj, mt_vfs_listdir_obj, mt_vfs_ilistdir_obj, mt_vfs_mkdir_obj, mt_vfs_rmdir_obj,
    mt_vfs_remove_obj, mt_vfs_rename_obj, mt_vfs_stat_obj, mt_vfs_statvfs_obj, mt_vfs_sync_obj,
    mt_vfs_open_obj;

/* ---- FAT file systems (fs/vfs_fat.c) */
extern const mt_type_t mt_type_vfs_fat;                        /* os.VfsFat */
extern const mt_type_t mt_type_flashbdev;                      /* the flash as a block device */
extern const mt_type_t mt_type_vfs_fileio, mt_type_vfs_textio; /* its files */

/* os.VfsFat(bdev): bdev is a FlashBdev (power-safe, journaled) or any object with
 * readblocks(n, buf), writeblocks(n, buf), ioctl(op, arg) as MicroPython documents (block
 * sizes 512 to 4096). A volume that does not mount raises OSError(ENODEV) (not FAT) or
 * OSError(EIO) (damaged, or larger than the device). */
mt_obj_t mt_vfs_fat_new(mt_obj_t bdev);
/* os.VfsFat.mkfs(bdev): format; on a FlashBdev the journal area is kept and reset */
void mt_vfs_fat_mkfs(mt_obj_t bdev);

/* The flash's user area as a block device of 512-byte blocks (readblocks/writeblocks/
 * ioctl for Python code, and the journaled device the FAT code uses). Creating it replays
 * the journal (OSError(EIO) if the flash fails). flash must outlive the object (a static,
 * or memory the object keeps alive). */
mt_obj_t mt_flashbdev_new(mt_flash_t *flash);
/* the same in memory outside the heap (a board's one flash device): mem must be a registered
 * GC root (the jbdev may hold a heap buffer) */
typedef struct {
    mt_obj_base_t base; /* &mt_type_flashbdev */
    mt_flash_t *flash;
    mt_jbdev_t jb;
} mt_flashbdev_t;
mt_obj_t mt_flashbdev_init(mt_flashbdev_t *mem, mt_flash_t *flash);
mt_flash_t *mt_flashbdev_flash(mt_obj_t bdev);
mt_jbdev_t *mt_flashbdev_jbdev(mt_obj_t bdev);

/* shared by vfs.c and vfs_fat.c: raise OSError for an errno value (nothing for 0) */
void mt_vfs_check(int err);

#endif
