/* os.VfsFat, its files, the flash as a block device, and the glue that lets the FAT code run
 * over a block device written in Python (see vfs.h).
 *
 * VfsFat methods follow MicroPython's: mkfs (static), mount, umount, open, ilistdir, mkdir,
 * rmdir, remove, rename, stat, statvfs, chdir, getcwd (and sync, used by os.sync). Paths are
 * resolved against the object's own current directory; "." and ".." are taken apart here,
 * so the FAT code sees only clean absolute paths.
 *
 * Files: FileIO (binary, bytes) and TextIOWrapper (text, str in UTF-8; no newline
 * translation, as on MicroPython). Reads and writes go straight to the FAT code, which
 * buffers one 512-byte unit per volume. An unclosed file is closed (committed) by its
 * finaliser when the GC collects it. */
#include "vfs.h"

#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "runtime.h"
#include "stream.h"
#include "types/str.h"

/* ---- block devices written in Python */

typedef struct {
    mt_bdev_t dev;
    mt_obj_t obj;
    mt_obj_t readblocks[2], writeblocks[2], ioctl[2]; /* loaded methods */
    uint32_t block_size;
    mt_obj_t buf; /* bytearray of one block */
    mt_obj_t exc; /* the exception the last call raised, to be raised again */
} pybdev_t;

static int py_call(pybdev_t *p, const mt_obj_t *meth, size_t n, const mt_obj_t *args,
                   mt_obj_t *ret) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t call[5] = {meth[0], meth[1]};
        for (size_t i = 0; i < n; i++) call[2 + i] = args[i];
        mt_obj_t r = mt_call_method(n, 0, call);
        if (ret) *ret = r;
        mt_nlr_pop();
        return 0;
    }
    p->exc = nlr.ret_val;
    return MT_FS_EIO;
}

static uint8_t *py_buf(pybdev_t *p) {
    return ((mt_bytearray_t *)MT_OBJ_TO_PTR(p->buf))->items;
}

/* the device block holding unit u, and u's offset in it */
static uint32_t py_block(pybdev_t *p, uint32_t u, uint32_t *off) {
    uint64_t byte = (uint64_t)u * MT_BDEV_UNIT;
    *off = (uint32_t)(byte % p->block_size);
    return (uint32_t)(byte / p->block_size);
}

static int py_read_block(pybdev_t *p, uint32_t block) {
    mt_obj_t args[2] = {mt_int_from_ull(block), p->buf};
    return py_call(p, p->readblocks, 2, args, NULL);
}

static int py_read(mt_bdev_t *d, uint32_t unit, uint8_t *buf, uint32_t n) {
    pybdev_t *p = (pybdev_t *)d;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off, block = py_block(p, unit + i, &off);
        int r = py_read_block(p, block);
        if (r) return r;
        memcpy(buf + i * MT_BDEV_UNIT, py_buf(p) + off, MT_BDEV_UNIT);
    }
    return 0;
}

static int py_write(mt_bdev_t *d, uint32_t unit, const uint8_t *buf, uint32_t n, int kind) {
    pybdev_t *p = (pybdev_t *)d;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off, block = py_block(p, unit + i, &off);
        int r = p->block_size > MT_BDEV_UNIT ? py_read_block(p, block) : 0;
        if (r) return r;
        memcpy(py_buf(p) + off, buf + i * MT_BDEV_UNIT, MT_BDEV_UNIT);
        mt_obj_t args[2] = {mt_int_from_ull(block), p->buf};
        r = py_call(p, p->writeblocks, 2, args, NULL);
        if (r) return r;
    }
    return 0;
}

static int py_ioctl(pybdev_t *p, int op, mt_obj_t *ret) {
    mt_obj_t args[2] = {MT_NEW_SMALL_INT(op), MT_NEW_SMALL_INT(0)};
    *ret = MT_NONE;
    return p->ioctl[0] != MT_NULL ? py_call(p, p->ioctl, 2, args, ret) : 0;
}

static int py_sync(mt_bdev_t *d) {
    mt_obj_t ret;
    return py_ioctl((pybdev_t *)d, 3, &ret);
}

static int py_read_part(mt_bdev_t *d, uint32_t unit, uint32_t off, uint8_t *buf, uint32_t n) {
    pybdev_t *p = (pybdev_t *)d;
    uint32_t boff, block = py_block(p, unit, &boff);
    int r = py_read_block(p, block);
    if (!r) memcpy(buf, py_buf(p) + boff + off, n);
    return r;
}

static const mt_bdev_ops_t py_ops = {py_read, py_write, NULL,    NULL,
                                     NULL,    NULL,     py_sync, py_read_part};

/* set up the glue over obj (raises for a bad object) */
static void py_init(pybdev_t *p, mt_obj_t obj) {
    memset(p, 0, sizeof(*p));
    p->dev.ops = &py_ops;
    p->obj = obj;
    mt_load_method(obj, MT_QSTR_readblocks, p->readblocks);
    mt_load_method(obj, MT_QSTR_writeblocks, p->writeblocks);
    bool has_ioctl = mt_load_method_maybe(obj, MT_QSTR_ioctl, p->ioctl);
    if (!has_ioctl) p->ioctl[0] = MT_NULL;
    mt_obj_t ret;
    int r = py_ioctl(p, 1, &ret); /* init */
    mt_int_t bs = 512, count = 0;
    if (!r) r = py_ioctl(p, 5, &ret);
    if (!r && ret != MT_NONE) bs = mt_obj_get_int(ret);
    if (!r && has_ioctl)
        r = py_ioctl(p, 4, &ret);
    else if (!r)
        r = py_call(p, (mt_obj_t[]){mt_load_attr(obj, MT_QSTR_count), MT_NULL}, 0, NULL, &ret);
    if (p->exc != MT_NULL) mt_raise(p->exc);
    count = mt_obj_get_int(ret);
    if (bs < 512 || bs > 4096 || (bs & (bs - 1)) || count < 0) {
        mt_raise_value_error("block device: block size must be 512..4096, a power of 2");
    }
    p->block_size = (uint32_t)bs;
    p->dev.n_units = (uint32_t)((uint64_t)count * (uint64_t)bs / MT_BDEV_UNIT);
    p->buf = mt_bytearray_new(NULL, (size_t)bs);
}

/* ---- the flash as a block device */

typedef mt_flashbdev_t flashbdev_t;

static flashbdev_t *get_flashbdev(mt_obj_t o) {
    if (!MT_IS_TYPE(o, &mt_type_flashbdev)) mt_raise_type_error("expected a FlashBdev");
    return MT_OBJ_TO_PTR(o);
}

mt_obj_t mt_flashbdev_init(mt_flashbdev_t *b, mt_flash_t *flash) {
    memset(b, 0, sizeof(*b));
    b->flash = flash;
    mt_vfs_check(mt_jbdev_open(&b->jb, flash));
    b->base.type = &mt_type_flashbdev;
    return MT_OBJ_FROM_PTR(b);
}

mt_obj_t mt_flashbdev_new(mt_flash_t *flash) {
    return mt_flashbdev_init(mt_new_obj(flashbdev_t), flash);
}

mt_flash_t *mt_flashbdev_flash(mt_obj_t o) {
    return get_flashbdev(o)->flash;
}
mt_jbdev_t *mt_flashbdev_jbdev(mt_obj_t o) {
    return &get_flashbdev(o)->jb;
}

/* readblocks(n, buf[, offset]) and writeblocks: 512-byte blocks of the volume area */
static mt_obj_t fb_transfer(size_t n, const mt_obj_t *args, bool write) {
    flashbdev_t *b = get_flashbdev(args[0]);
    mt_buffer_info_t info;
    mt_get_buffer_raise(args[2], &info, write ? MT_BUFFER_READ : MT_BUFFER_WRITE);
    mt_int_t block = mt_obj_get_int(args[1]), off = n > 3 ? mt_obj_get_int(args[3]) : 0;
    uint64_t start = (uint64_t)block * MT_BDEV_UNIT + (uint64_t)off;
    uint64_t limit = (uint64_t)mt_jbdev_volume_max(&b->jb) * MT_BDEV_UNIT;
    if (block < 0 || off < 0 || start + info.len > limit) mt_raise_oserror(MT_FS_EINVAL);
    if (!write) {
        mt_vfs_check(mt_flash_uread(b->flash, (uint32_t)start, info.buf, (uint32_t)info.len));
        return MT_NEW_SMALL_INT(0);
    }
    if (start % MT_BDEV_UNIT || info.len % MT_BDEV_UNIT) mt_raise_oserror(MT_FS_EINVAL);
    mt_bdev_t *d = &b->jb.bdev;
    mt_vfs_check(d->ops->write(d, (uint32_t)(start / MT_BDEV_UNIT), info.buf,
                               (uint32_t)(info.len / MT_BDEV_UNIT), MT_BDEV_DATA));
    return MT_NEW_SMALL_INT(0);
}

static mt_obj_t fb_readblocks(size_t n, const mt_obj_t *args) {
    return fb_transfer(n, args, false);
}
static MT_DEFINE_FUN_VAR(fb_readblocks_obj, 3, 4, fb_readblocks);

static mt_obj_t fb_writeblocks(size_t n, const mt_obj_t *args) {
    return fb_transfer(n, args, true);
}
static MT_DEFINE_FUN_VAR(fb_writeblocks_obj, 3, 4, fb_writeblocks);

static mt_obj_t fb_ioctl(mt_obj_t self, mt_obj_t op_obj, mt_obj_t arg) {
    flashbdev_t *b = get_flashbdev(self);
    switch (mt_obj_get_int(op_obj)) {
    case 3: mt_vfs_check(mt_flash_sync(b->flash)); return MT_NEW_SMALL_INT(0);
    case 4: return mt_int_from_ull(mt_jbdev_volume_max(&b->jb));
    case 5: return MT_NEW_SMALL_INT(MT_BDEV_UNIT);
    case 1:
    case 2:
    case 6: return MT_NEW_SMALL_INT(0);
    default: return MT_NONE;
    }
}
static MT_DEFINE_FUN_3(fb_ioctl_obj, fb_ioctl);

static const mt_map_elem_t fb_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_readblocks), MT_ROM_PTR(&fb_readblocks_obj)},
    {MT_ROM_QSTR(MT_QSTR_writeblocks), MT_ROM_PTR(&fb_writeblocks_obj)},
    {MT_ROM_QSTR(MT_QSTR_ioctl), MT_ROM_PTR(&fb_ioctl_obj)},
};
static MT_DEFINE_CONST_MAP(fb_locals, fb_locals_table);

const mt_type_t mt_type_flashbdev = {
    .base = {&mt_type_type},
    .name = MT_QSTR_FlashBdev,
    .locals = &fb_locals,
};

/* ---- time stamps */

/* the FAT encoding of the wall clock (UTC), clamped to FAT's 1980..2107 */
static uint32_t fat_now(void) {
    int64_t secs = (int64_t)(mt_hal_time_ns() / 1000000000ull);
    int64_t days = secs / 86400, rem = secs % 86400;
    /* civil from days (1970-01-01 = day 0) */
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    if (y < 1980) return (uint32_t)((0 << 9) | (1 << 5) | 1) << 16;
    if (y > 2107) y = 2107;
    uint32_t date = (uint32_t)(((y - 1980) << 9) | (m << 5) | d);
    uint32_t time = (uint32_t)(((rem / 3600) << 11) | (((rem / 60) % 60) << 5) | ((rem % 60) / 2));
    return date << 16 | time;
}

/* ---- VfsFat */

typedef struct {
    mt_obj_base_t base; /* &mt_type_vfs_fat */
    mt_obj_t bdev;
    mt_bdev_t *dev;
    mt_jbdev_t *jb; /* the flash's journaled device, or NULL */
    pybdev_t py;
    mt_obj_t cwd;  /* str: "/" or "/a/b" */
    bool mounted;  /* the FAT volume is mounted in fat */
    uint8_t *bufs; /* fat's buffers (MT_FAT_BUF_BYTES in the heap), NULL while idle */
    mt_fat_t fat;
} vfs_fat_t;

static vfs_fat_t *get_fs(mt_obj_t o) {
    if (!MT_IS_TYPE(o, &mt_type_vfs_fat)) mt_raise_type_error("expected a VfsFat");
    return MT_OBJ_TO_PTR(o);
}

/* raise for an error of the FAT code (an exception of a Python block device first) */
static void check(vfs_fat_t *fs, int err) {
    if (!err) return;
    mt_obj_t exc = fs->py.exc;
    fs->py.exc = MT_NULL;
    if (exc != MT_NULL) mt_raise(exc);
    mt_raise_oserror(err);
}

/* The volume's buffers are a cache: taken from the heap by each operation, given back at
 * its end when no file is open and nothing is left to write (so a board with no open file
 * keeps 1.5 KB more free), never by a finaliser (a collection may run inside an operation). */
static void take_bufs(vfs_fat_t *fs) {
    if (fs->bufs) return;
    fs->bufs = mt_alloc(MT_FAT_BUF_BYTES);
    mt_fat_attach_bufs(&fs->fat, fs->bufs);
}

static void give_bufs(vfs_fat_t *fs) {
    if (!fs->bufs || mt_gc_is_locked() || (fs->mounted && !mt_fat_idle(&fs->fat))) return;
    mt_fat_detach_bufs(&fs->fat);
    mt_free(fs->bufs);
    fs->bufs = NULL;
}

/* the end of an operation on the volume */
static void done(vfs_fat_t *fs, int err) {
    give_bufs(fs);
    check(fs, err);
}

static mt_fat_t *vol(vfs_fat_t *fs) {
    if (!fs->mounted) mt_raise_oserror(MT_FS_ENODEV);
    take_bufs(fs);
    return &fs->fat;
}

static void attach_dev(vfs_fat_t *fs, mt_obj_t bdev) {
    fs->bdev = bdev;
    if (MT_IS_TYPE(bdev, &mt_type_flashbdev)) {
        fs->jb = mt_flashbdev_jbdev(bdev);
        fs->dev = &fs->jb->bdev;
    } else {
        py_init(&fs->py, bdev);
        fs->dev = &fs->py.dev;
    }
}

static int do_mount(vfs_fat_t *fs, bool readonly) {
    take_bufs(fs);
    int r = mt_fat_mount(&fs->fat, fs->dev, readonly);
    fs->mounted = r == 0;
    if (!r && fs->jb) mt_jbdev_set_volume(fs->jb, fs->fat.vol_units);
    give_bufs(fs);
    return r;
}

mt_obj_t mt_vfs_fat_new(mt_obj_t bdev) {
    vfs_fat_t *fs = mt_new_obj(vfs_fat_t);
    fs->base.type = &mt_type_vfs_fat;
    fs->cwd = MT_NEW_QSTR(MT_QSTR_slash);
    mt_fat_now = fat_now;
    attach_dev(fs, bdev);
    int r = do_mount(fs, false);
    if (r && r != MT_FS_ENODEV) check(fs, r); /* ENODEV: mount(mkfs=True) may format */
    fs->py.exc = MT_NULL;
    return MT_OBJ_FROM_PTR(fs);
}

static mt_obj_t vfs_fat_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 1, 1, false);
    return mt_vfs_fat_new(args[0]);
}

void mt_vfs_fat_mkfs(mt_obj_t bdev) {
    vfs_fat_t tmp; /* only the device part is used */
    memset(&tmp, 0, sizeof(tmp));
    tmp.py.exc = MT_NULL;
    attach_dev(&tmp, bdev);
    mt_fat_mkfs_opts_t o = {0};
    o.serial = (uint32_t)(mt_hal_time_ns() / 1000);
    uint32_t units = 0;
    if (tmp.jb) {
        units = mt_jbdev_volume_max(tmp.jb);
        if (units != tmp.jb->bdev.n_units) check(&tmp, mt_jbdev_format(tmp.jb));
    }
    mt_fat_now = fat_now;
    check(&tmp, mt_fat_mkfs(tmp.dev, units, &o));
}

static mt_obj_t vfs_fat_mkfs(mt_obj_t bdev) {
    mt_vfs_fat_mkfs(bdev);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(vfs_fat_mkfs_fun_obj, vfs_fat_mkfs);
static const mt_staticmethod_t vfs_fat_mkfs_obj = {{&mt_type_staticmethod},
                                                   MT_ROM_PTR(&vfs_fat_mkfs_fun_obj)};

/* mount(readonly, mkfs): called by os.mount */
static mt_obj_t vfs_fat_mount(mt_obj_t self, mt_obj_t readonly, mt_obj_t mkfs) {
    vfs_fat_t *fs = get_fs(self);
    bool ro = mt_is_true(readonly);
    if (fs->mounted && fs->fat.readonly == ro) return MT_NONE;
    if (fs->mounted) mt_fat_umount(vol(fs));
    int r = do_mount(fs, ro);
    if (r == MT_FS_ENODEV && mt_is_true(mkfs)) {
        mt_vfs_fat_mkfs(fs->bdev);
        r = do_mount(fs, ro);
    }
    check(fs, r);
    return MT_NONE;
}
static MT_DEFINE_FUN_3(vfs_fat_mount_obj, vfs_fat_mount);

static mt_obj_t vfs_fat_umount(mt_obj_t self) {
    vfs_fat_t *fs = get_fs(self);
    if (!fs->mounted) return MT_NONE;
    int r = mt_fat_umount(vol(fs));
    fs->mounted = false;
    done(fs, r);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(vfs_fat_umount_obj, vfs_fat_umount);

static mt_obj_t vfs_fat_sync(mt_obj_t self) {
    vfs_fat_t *fs = get_fs(self);
    if (fs->mounted && !fs->fat.readonly) done(fs, mt_fat_sync(vol(fs)));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(vfs_fat_sync_obj, vfs_fat_sync);

/* path (str or bytes, relative to the current directory) as a clean absolute path in v */
static void abs_path(vfs_fat_t *fs, mt_obj_t path, mt_vstr_t *v) {
    if (!mt_obj_is_str(path) && !MT_IS_TYPE(path, &mt_type_bytes)) {
        mt_raise_fmt(&mt_type_TypeError, "expected str, bytes or os.PathLike object, not %q",
                     mt_obj_type_name(path));
    }
    size_t plen, clen;
    const char *p = mt_str_data(path, &plen), *cwd = mt_str_data(fs->cwd, &clen);
    if (strlen(p) != plen) mt_raise_value_error("embedded null byte");
    mt_vstr_init(v, clen + plen + 2);
    if (p[0] != '/' && clen > 1) mt_vstr_add_strn(v, cwd, clen);
    size_t i = 0;
    while (i < plen) {
        while (i < plen && p[i] == '/') i++;
        size_t j = i;
        while (j < plen && p[j] != '/') j++;
        size_t n = j - i;
        if (n == 2 && p[i] == '.' && p[i + 1] == '.') {
            while (v->len > 0 && v->buf[v->len - 1] != '/') v->len--;
            if (v->len > 0) v->len--;
        } else if (n > 0 && !(n == 1 && p[i] == '.')) {
            mt_vstr_add_byte(v, '/');
            mt_vstr_add_strn(v, p + i, n);
        }
        i = j;
    }
    if (v->len == 0) mt_vstr_add_byte(v, '/');
    mt_vstr_null_terminated(v);
}

static const char *fs_path(vfs_fat_t *fs, mt_obj_t path, mt_vstr_t *v) {
    abs_path(fs, path, v);
    return v->buf;
}

static mt_obj_t vfs_fat_chdir(mt_obj_t self, mt_obj_t path) {
    vfs_fat_t *fs = get_fs(self);
    mt_vstr_t v;
    const char *p = fs_path(fs, path, &v);
    mt_fat_loc_t loc;
    done(fs, mt_fat_stat(vol(fs), p, &loc));
    if (!mt_fat_loc_is_dir(&loc)) mt_raise_oserror(MT_FS_ENOTDIR);
    fs->cwd = mt_str_new(v.buf, v.len);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(vfs_fat_chdir_obj, vfs_fat_chdir);

static mt_obj_t vfs_fat_getcwd(mt_obj_t self) {
    return get_fs(self)->cwd;
}
static MT_DEFINE_FUN_1(vfs_fat_getcwd_obj, vfs_fat_getcwd);

#define PATH_OP(name, call)                                                                        \
    static mt_obj_t vfs_fat_##name(mt_obj_t self, mt_obj_t path) {                                 \
        vfs_fat_t *fs = get_fs(self);                                                              \
        mt_vstr_t v;                                                                               \
        const char *p = fs_path(fs, path, &v);                                                     \
        done(fs, call(vol(fs), p));                                                                \
        return MT_NONE;                                                                            \
    }                                                                                              \
    static MT_DEFINE_FUN_2(vfs_fat_##name##_obj, vfs_fat_##name)
PATH_OP(mkdir, mt_fat_mkdir);
PATH_OP(rmdir, mt_fat_rmdir);
PATH_OP(remove, mt_fat_remove);

static mt_obj_t vfs_fat_rename(mt_obj_t self, mt_obj_t from, mt_obj_t to) {
    vfs_fat_t *fs = get_fs(self);
    mt_vstr_t a, b;
    const char *pa = fs_path(fs, from, &a), *pb = fs_path(fs, to, &b);
    done(fs, mt_fat_rename(vol(fs), pa, pb));
    return MT_NONE;
}
static MT_DEFINE_FUN_3(vfs_fat_rename_obj, vfs_fat_rename);

static mt_obj_t int_obj(uint32_t v) {
    return mt_int_from_ull(v);
}

static mt_obj_t vfs_fat_stat(mt_obj_t self, mt_obj_t path) {
    vfs_fat_t *fs = get_fs(self);
    mt_vstr_t v;
    const char *p = fs_path(fs, path, &v);
    mt_fat_loc_t loc;
    done(fs, mt_fat_stat(vol(fs), p, &loc));
    bool dir = mt_fat_loc_is_dir(&loc);
    mt_obj_t t = loc.n_ent ? mt_int_from_ll((long long)mt_fat_loc_mtime(&loc) + mt_vfs_epoch_offset)
                           : MT_NEW_SMALL_INT(0);
    mt_obj_t items[10] = {MT_NEW_SMALL_INT(dir ? 0x4000 : 0x8000),
                          MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0),
                          int_obj(dir ? 0 : mt_fat_loc_size(&loc)),
                          t,
                          t,
                          t};
    return mt_tuple_new(10, items);
}
static MT_DEFINE_FUN_2(vfs_fat_stat_obj, vfs_fat_stat);

static mt_obj_t vfs_fat_statvfs(mt_obj_t self, mt_obj_t path) {
    vfs_fat_t *fs = get_fs(self);
    uint32_t bsize, total, free;
    done(fs, mt_fat_statvfs(vol(fs), &bsize, &total, &free));
    mt_obj_t items[10] = {int_obj(bsize),      int_obj(bsize),
                          int_obj(total),      int_obj(free),
                          int_obj(free),       MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0), MT_NEW_SMALL_INT(0),
                          MT_NEW_SMALL_INT(0), MT_NEW_SMALL_INT(MT_FAT_NAME_MAX)};
    return mt_tuple_new(10, items);
}
static MT_DEFINE_FUN_2(vfs_fat_statvfs_obj, vfs_fat_statvfs);

/* ---- ilistdir: an iterator over (name, type, inode, size) */

typedef struct {
    mt_obj_base_t base;
    vfs_fat_t *fs;
    bool bytes;
    mt_fat_dir_t d;
    mt_fat_dirent_t e;
} listdir_t;

static mt_obj_t entry_name(const mt_fat_dirent_t *e, bool bytes) {
    mt_vstr_t v;
    mt_vstr_init(&v, 16);
    if (e->lfn_len) {
        for (unsigned i = 0; i < e->lfn_len; i++) {
            uint32_t c = e->lfn[i];
            if (c >= 0xd800 && c < 0xdc00 && i + 1 < e->lfn_len && e->lfn[i + 1] >= 0xdc00 &&
                e->lfn[i + 1] < 0xe000) {
                c = 0x10000 + ((c - 0xd800) << 10) + (e->lfn[++i] - 0xdc00u);
            } else if (c >= 0xd800 && c < 0xe000) {
                c = 0xfffd;
            }
            mt_vstr_add_char(&v, c);
        }
    } else {
        char buf[40];
        size_t n = mt_fat_dirent_name(e, buf);
        mt_vstr_add_strn(&v, buf, n);
    }
    return bytes ? mt_bytes_new_from_vstr(&v) : mt_str_new_from_vstr(&v);
}

static mt_obj_t listdir_next(mt_obj_t self) {
    listdir_t *it = MT_OBJ_TO_PTR(self);
    if (it->fs == NULL) return MT_NULL;
    vfs_fat_t *fs = it->fs;
    int r = fs->mounted ? mt_fat_readdir(vol(fs), &it->d, &it->e) : MT_FS_ENODEV;
    if (r == MT_FS_ENOENT) {
        it->fs = NULL;
        give_bufs(fs);
        return MT_NULL;
    }
    check(fs, r);
    bool dir = mt_fat_loc_is_dir(&it->e.loc);
    mt_obj_t t[4] = {entry_name(&it->e, it->bytes), MT_NEW_SMALL_INT(dir ? 0x4000 : 0x8000),
                     MT_NEW_SMALL_INT(0), int_obj(dir ? 0 : mt_fat_loc_size(&it->e.loc))};
    return mt_tuple_new(4, t);
}

static mt_obj_t listdir_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    return self;
}

static const mt_type_t listdir_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_iterator,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = listdir_getiter,
    .iternext = listdir_next,
};

static mt_obj_t vfs_fat_ilistdir(size_t n, const mt_obj_t *args) {
    vfs_fat_t *fs = get_fs(args[0]);
    mt_obj_t path = n > 1 ? args[1] : mt_str_new("", 0);
    mt_vstr_t v;
    const char *p = fs_path(fs, path, &v);
    listdir_t *it = mt_new_obj(listdir_t);
    it->base.type = &listdir_type;
    it->bytes = MT_IS_TYPE(path, &mt_type_bytes);
    done(fs, mt_fat_opendir(vol(fs), p, &it->d));
    it->fs = fs;
    return MT_OBJ_FROM_PTR(it);
}
static MT_DEFINE_FUN_VAR(vfs_fat_ilistdir_obj, 1, 2, vfs_fat_ilistdir);

/* ---- files */

typedef struct {
    mt_stream_t s; /* base.type: &mt_type_vfs_fileio or &mt_type_vfs_textio */
    vfs_fat_t *fs;
    mt_fat_file_t f;
} file_t;

static file_t *file_of(mt_obj_t self) {
    return MT_OBJ_TO_PTR(self);
}

static void fcheck(file_t *f, int err) {
    check(f->fs, err);
}

/* ---- the raw operations of the stream core (lib/stream.h) */

static void need(file_t *f, int flag) {
    if (!(f->f.flags & flag)) {
        mt_raise_msg(&mt_type_OSError, flag == MT_FAT_O_READ ? "not readable" : "not writable");
    }
}

static size_t fat_read(mt_obj_t self, void *buf, size_t n) {
    file_t *f = file_of(self);
    uint32_t got;
    fcheck(f, mt_fat_read(&f->f, buf, n > UINT32_MAX ? UINT32_MAX : (uint32_t)n, &got));
    return got;
}

static void fat_write(mt_obj_t self, const void *buf, size_t n) {
    file_t *f = file_of(self);
    if (n > UINT32_MAX) mt_raise_oserror(MT_FS_EFBIG);
    uint32_t put;
    fcheck(f, mt_fat_write(&f->f, buf, (uint32_t)n, &put));
}

static long long fat_seek(mt_obj_t self, long long off, int whence) {
    file_t *f = file_of(self);
    long long base = whence == 0 ? 0 : whence == 1 ? f->f.pos : f->f.size;
    long long pos = base + off;
    if (whence == 1 && off == 0) return pos; /* tell */
    if (pos < 0 || pos > UINT32_MAX) mt_raise_oserror(MT_FS_EINVAL);
    fcheck(f, mt_fat_seek(&f->f, (uint32_t)pos));
    return pos;
}

static void fat_truncate(mt_obj_t self, long long size) {
    file_t *f = file_of(self);
    need(f, MT_FAT_O_WRITE);
    if (size < 0 || size > UINT32_MAX) mt_raise_oserror(MT_FS_EINVAL);
    fcheck(f, mt_fat_truncate(&f->f, (uint32_t)size));
}

static void fat_flush(mt_obj_t self) {
    file_t *f = file_of(self);
    if (!f->fs->fat.readonly) fcheck(f, mt_fat_flush(&f->f));
}

/* also from the finaliser: errors of the final flush are raised (and the volume's buffers
 * given back) only when called by the program */
static void fat_close(mt_obj_t self) {
    file_t *f = file_of(self);
    int r = f->fs->mounted ? mt_fat_close(&f->f) : 0;
    if (!mt_gc_is_locked()) done(f->fs, r);
}

static const mt_stream_ops_t fat_ops = {
    .read = fat_read,
    .write = fat_write,
    .seek = fat_seek,
    .truncate = fat_truncate,
    .flush = fat_flush,
    .close = fat_close,
    .bufsize = 64, /* small: the chip's heap */
};

static void file_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    file_t *f = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<io.%q %p>", f->s.base.type->name, (void *)f);
}

static const mt_map_elem_t file_locals_table[] = {
    MT_STREAM_LOCALS_ROWS,
    {MT_ROM_QSTR(MT_QSTR_readinto), MT_ROM_PTR(&mt_stream_readinto_obj)},
};
static MT_DEFINE_CONST_MAP(file_locals, file_locals_table);

MT_STREAM_TYPE(mt_type_vfs_textio, MT_QSTR_TextIOWrapper, file_print, NULL, &file_locals);
MT_STREAM_TYPE(mt_type_vfs_fileio, MT_QSTR_FileIO, file_print, NULL, &file_locals);

/* the mode string as MT_FAT_O_ flags; *text unless 'b' */
static int open_flags(mt_obj_t mode_obj, bool *text) {
    static const int kinds[] = {MT_FAT_O_READ, MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_TRUNC,
                                MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_APPEND,
                                MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_EXCL};
    mt_stream_mode_t m = mt_stream_parse_mode(mode_obj);
    int flags = kinds[strchr("rwax", m.kind) - "rwax"];
    if (m.plus) flags |= MT_FAT_O_READ | MT_FAT_O_WRITE;
    *text = !m.binary;
    return flags;
}

static mt_obj_t vfs_fat_open(mt_obj_t self, mt_obj_t path, mt_obj_t mode) {
    vfs_fat_t *fs = get_fs(self);
    bool text;
    int flags = open_flags(mode, &text);
    mt_vstr_t v;
    const char *p = fs_path(fs, path, &v);
    file_t *f = mt_alloc_with_finaliser(sizeof(file_t));
    f->s.base.type = text ? &mt_type_vfs_textio : &mt_type_vfs_fileio;
    f->s.ops = &fat_ops;
    f->s.text = text;
    f->fs = fs;
    f->s.closed = true; /* until opened */
    done(fs, mt_fat_open(vol(fs), &f->f, p, flags));
    f->s.closed = false;
    f->s.readable = (f->f.flags & MT_FAT_O_READ) != 0;
    f->s.writable = (f->f.flags & MT_FAT_O_WRITE) != 0;
    return MT_OBJ_FROM_PTR(f);
}
static MT_DEFINE_FUN_3(vfs_fat_open_obj, vfs_fat_open);

/* ---- the type */

static const mt_map_elem_t vfs_fat_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_mkfs), MT_ROM_PTR(&vfs_fat_mkfs_obj)},
    {MT_ROM_QSTR(MT_QSTR_mount), MT_ROM_PTR(&vfs_fat_mount_obj)},
    {MT_ROM_QSTR(MT_QSTR_umount), MT_ROM_PTR(&vfs_fat_umount_obj)},
    {MT_ROM_QSTR(MT_QSTR_sync), MT_ROM_PTR(&vfs_fat_sync_obj)},
    {MT_ROM_QSTR(MT_QSTR_open), MT_ROM_PTR(&vfs_fat_open_obj)},
    {MT_ROM_QSTR(MT_QSTR_ilistdir), MT_ROM_PTR(&vfs_fat_ilistdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_mkdir), MT_ROM_PTR(&vfs_fat_mkdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_rmdir), MT_ROM_PTR(&vfs_fat_rmdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&vfs_fat_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_rename), MT_ROM_PTR(&vfs_fat_rename_obj)},
    {MT_ROM_QSTR(MT_QSTR_stat), MT_ROM_PTR(&vfs_fat_stat_obj)},
    {MT_ROM_QSTR(MT_QSTR_statvfs), MT_ROM_PTR(&vfs_fat_statvfs_obj)},
    {MT_ROM_QSTR(MT_QSTR_chdir), MT_ROM_PTR(&vfs_fat_chdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_getcwd), MT_ROM_PTR(&vfs_fat_getcwd_obj)},
};
static MT_DEFINE_CONST_MAP(vfs_fat_locals, vfs_fat_locals_table);

/* data attribute: label */
static void vfs_fat_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL || attr != MT_QSTR_label) return;
    vfs_fat_t *fs = MT_OBJ_TO_PTR(self);
    char label[12];
    if (!fs->mounted) mt_raise_oserror(MT_FS_ENODEV);
    mt_fat_label(&fs->fat, label); /* read at mount: needs no buffer */
    dest[0] = mt_str_new(label, strlen(label));
}

const mt_type_t mt_type_vfs_fat = {
    .base = {&mt_type_type},
    .name = MT_QSTR_VfsFat,
    .make_new = vfs_fat_make_new,
    .attr = vfs_fat_attr,
    .locals = &vfs_fat_locals,
};
