/* vfstest: the board's file system on the host `mote`, for tests before (and besides) the
 * virtual board. Host only (registered by ports/unix/mtconfigport.h).
 *
 *   vfstest.os                  the board's os module (fs/modos_vfs.c)
 *   vfstest.open                the board's open()
 *   vfstest.flash(path, mb=1)   a FlashBdev over an image file of the user area of an
 *                               ESP8266 with an mb-megabyte chip (created if missing)
 *   vfstest.ramflash(kb)        a FlashBdev over kb KB of RAM (erased)
 *   vfstest.stats(bdev)         (reads, writes, erases) of its flash so far
 *   vfstest.umount_all()        what a soft reset does to the mounts
 *   vfstest.hal_stat(path)      mt_vfs_hal_stat: 0 none, 1 file, 2 directory
 *   vfstest.hal_read(path)      the file's bytes through mt_vfs_hal_open_read/read/close, in
 *                               small pieces as the module loader reads (None: no file) */
#ifndef __XTENSA__
#include "vfs.h"

extern const mt_module_t mt_module_os_vfs;

static mt_obj_t vt_flash(size_t n, const mt_obj_t *args) {
    mt_flash_t *f = mt_alloc(sizeof(mt_flash_t));
    mt_int_t mb = n > 1 ? mt_obj_get_int(args[1]) : 1;
    if (mb != 1 && mb != 2 && mb != 4) mt_raise_value_error("mb must be 1, 2 or 4");
    mt_vfs_check(mt_flash_open_image(f, mt_obj_str_cstr(args[0]), (uint32_t)mb << 20));
    return mt_flashbdev_new(f);
}
static MT_DEFINE_FUN_VAR(vt_flash_obj, 1, 2, vt_flash);

static mt_obj_t vt_ramflash(mt_obj_t kb_obj) {
    mt_int_t kb = mt_obj_get_int(kb_obj);
    if (kb < 4 || kb % 4 || kb > 16384) mt_raise_value_error("kb must be a multiple of 4");
    mt_flash_t *f = mt_alloc(sizeof(mt_flash_t));
    uint8_t *mem = mt_alloc((size_t)kb * 1024);
    memset(mem, 0xff, (size_t)kb * 1024);
    mt_flash_init_ram(f, mem, (uint32_t)kb * 1024);
    return mt_flashbdev_new(f);
}
static MT_DEFINE_FUN_1(vt_ramflash_obj, vt_ramflash);

static mt_obj_t vt_stats(mt_obj_t bdev) {
    mt_flash_t *f = mt_flashbdev_flash(bdev);
    mt_obj_t t[3] = {mt_int_from_ull(f->n_reads), mt_int_from_ull(f->n_writes),
                     mt_int_from_ull(f->n_erases)};
    return mt_tuple_new(3, t);
}
static MT_DEFINE_FUN_1(vt_stats_obj, vt_stats);

static mt_obj_t vt_umount_all(void) {
    mt_vfs_umount_all();
    return MT_NONE;
}
static MT_DEFINE_FUN_0(vt_umount_all_obj, vt_umount_all);

static mt_obj_t vt_hal_stat(mt_obj_t path) {
    return MT_NEW_SMALL_INT(mt_vfs_hal_stat(mt_obj_str_cstr(path)));
}
static MT_DEFINE_FUN_1(vt_hal_stat_obj, vt_hal_stat);

static mt_obj_t vt_hal_read(mt_obj_t path) {
    int h = mt_vfs_hal_open_read(mt_obj_str_cstr(path));
    if (h < 0) return MT_NONE;
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    long n;
    char buf[48];
    while ((n = mt_vfs_hal_read(h, buf, sizeof(buf))) > 0) mt_vstr_add_strn(&v, buf, (size_t)n);
    mt_vfs_hal_close(h);
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_1(vt_hal_read_obj, vt_hal_read);

static const mt_map_elem_t vfstest_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_vfstest)},
    {MT_ROM_QSTR(MT_QSTR_os), MT_ROM_PTR(&mt_module_os_vfs)},
    {MT_ROM_QSTR(MT_QSTR_open), MT_ROM_PTR(&mt_vfs_open_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash), MT_ROM_PTR(&vt_flash_obj)},
    {MT_ROM_QSTR(MT_QSTR_ramflash), MT_ROM_PTR(&vt_ramflash_obj)},
    {MT_ROM_QSTR(MT_QSTR_stats), MT_ROM_PTR(&vt_stats_obj)},
    {MT_ROM_QSTR(MT_QSTR_umount_all), MT_ROM_PTR(&vt_umount_all_obj)},
    {MT_ROM_QSTR(MT_QSTR_hal_stat), MT_ROM_PTR(&vt_hal_stat_obj)},
    {MT_ROM_QSTR(MT_QSTR_hal_read), MT_ROM_PTR(&vt_hal_read_obj)},
};
MT_DEFINE_MODULE(mt_module_vfstest, vfstest_table);
#endif
