/* Unit tests of the flash, the journaled block device and the FAT code (fs/) through their C
 * API, over RAM: format, files, directories, long names and their short aliases, free space
 * and ENOSPC, damaged images, FAT16 and FAT32, and power cuts at every flash operation of a
 * few operations (replayed, then checked). Prints `N passed, N failed`. */
#include <stdio.h>
#include <string.h>

#include "fat.h"
#include "fat_int.h"
#include "flash.h"
#include "journal.h"
#include "state.h"

static uint8_t heap[64 * 1024] __attribute__((aligned(16)));
static int n_passed, n_failed;
static bool test_ok;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                      \
            test_ok = false;                                                                       \
        }                                                                                          \
    } while (0)
#define CHECK_R(expr, want)                                                                        \
    do {                                                                                           \
        int r_ = (expr);                                                                           \
        if (r_ != (want)) {                                                                        \
            printf("  %s:%d: %s gave %d, expected %d\n", __FILE__, __LINE__, #expr, r_, want);     \
            test_ok = false;                                                                       \
        }                                                                                          \
    } while (0)

static void run(const char *name, void (*fn)(void)) {
    char top;
    mt_init(heap, sizeof(heap), &top, 64 * 1024);
    test_ok = true;
    fn();
    if (test_ok) {
        n_passed++;
    } else {
        printf("FAIL %s\n", name);
        n_failed++;
    }
}

/* ---- a flash in RAM whose writes can be cut (a power cut: the op at the cut is torn, the
 * later ones are lost) */

#define FLASH_SIZE (512 * 1024)
static uint8_t mem[FLASH_SIZE];
static long cut_left = -1; /* flash ops until the cut; -1: none */
static bool cut_done;

static int cut_read(void *ctx, uint32_t off, void *buf, uint32_t n) {
    memcpy(buf, mem + off, n);
    return 0;
}

static bool cut_now(void) {
    if (cut_done) return true;
    if (cut_left < 0 || cut_left-- > 0) return false;
    cut_done = true;
    return true;
}

static int cut_write(void *ctx, uint32_t off, const void *buf, uint32_t n) {
    bool torn = !cut_done && cut_left == 0;
    if (cut_now()) {
        if (torn) memcpy(mem + off, buf, n / 2);
        return 0;
    }
    memcpy(mem + off, buf, n);
    return 0;
}

static int cut_erase(void *ctx, uint32_t off) {
    bool torn = !cut_done && cut_left == 0;
    if (cut_now()) {
        if (torn) memset(mem + off, 0xff, MT_FLASH_SECTOR / 3);
        return 0;
    }
    memset(mem + off, 0xff, MT_FLASH_SECTOR);
    return 0;
}

static const mt_flash_port_t cut_port = {cut_read, cut_write, cut_erase, NULL};

static mt_flash_t flash;
static mt_jbdev_t jb;
static mt_fat_t vol;

/* power on: the flash over mem, the journal replayed */
static int boot(void) {
    cut_left = -1;
    cut_done = false;
    mt_flash_init(&flash, &cut_port, NULL, FLASH_SIZE, 0, FLASH_SIZE);
    return mt_jbdev_open(&jb, &flash);
}

static uint8_t vol_bufs[MT_FAT_BUF_BYTES];

static int mount(void) {
    mt_fat_attach_bufs(&vol, vol_bufs);
    int r = mt_fat_mount(&vol, &jb.bdev, false);
    if (!r) mt_jbdev_set_volume(&jb, vol.vol_units);
    return r;
}

static void format(uint32_t clus) {
    memset(mem, 0xff, sizeof(mem));
    CHECK_R(boot(), 0);
    CHECK_R(mt_jbdev_format(&jb), 0);
    mt_fat_mkfs_opts_t o = {0};
    o.clus_bytes = clus;
    CHECK_R(mt_fat_mkfs(&jb.bdev, mt_jbdev_volume_max(&jb), &o), 0);
    CHECK_R(mount(), 0);
}

static uint8_t pattern(uint32_t i, uint32_t seed) {
    return (uint8_t)(i * 7 + seed * 13 + (i >> 8));
}

static int write_file(const char *path, uint32_t size, uint32_t seed, uint32_t chunk) {
    static mt_fat_file_t f;
    uint8_t buf[1500];
    int r = mt_fat_open(&vol, &f, path, MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_TRUNC);
    for (uint32_t pos = 0; pos < size && !r;) {
        uint32_t k = size - pos < chunk ? size - pos : chunk, put;
        for (uint32_t i = 0; i < k; i++) buf[i] = pattern(pos + i, seed);
        r = mt_fat_write(&f, buf, k, &put);
        pos += put;
    }
    int r2 = f.vol ? mt_fat_close(&f) : 0;
    return r ? r : r2;
}

/* 0 if the file holds size bytes of pattern seed */
static int check_file(const char *path, uint32_t size, uint32_t seed) {
    static mt_fat_file_t f;
    uint8_t buf[700];
    uint32_t total = 0, got;
    int r = mt_fat_open(&vol, &f, path, MT_FAT_O_READ);
    if (r) return r;
    do {
        r = mt_fat_read(&f, buf, sizeof(buf), &got);
        for (uint32_t i = 0; i < got && !r; i++) {
            if (buf[i] != pattern(total + i, seed)) r = -1;
        }
        total += got;
    } while (got && !r);
    mt_fat_close(&f);
    return r ? r : total == size ? 0 : -2;
}

/* ---- tests */

static void test_flash_semantics(void) {
    uint8_t b[8];
    boot();
    CHECK_R(mt_flash_uerase(&flash, 4096), 0);
    CHECK_R(mt_flash_uwrite(&flash, 4096, "\x0f\xf0", 2), 0);
    CHECK_R(mt_flash_uwrite(&flash, 4096, "\x0e\x00", 2), 0);         /* only clears bits */
    CHECK_R(mt_flash_uwrite(&flash, 4096, "\xff\x01", 2), MT_FS_EIO); /* sets a bit */
    CHECK_R(mt_flash_uread(&flash, 4096, b, 3), 0);
    CHECK(b[0] == 0x0e && b[1] == 0x00 && b[2] == 0xff);
    CHECK_R(mt_flash_uerase(&flash, 100), MT_FS_EINVAL);
    CHECK_R(mt_flash_uread(&flash, FLASH_SIZE - 2, b, 4), MT_FS_EINVAL);
    uint32_t start, size;
    CHECK_R(mt_flash_esp_layout(1 << 20, &start, &size), 0);
    CHECK(start == 0x90000 && size == 0x6b000);
    CHECK_R(mt_flash_esp_layout(4 << 20, &start, &size), 0);
    CHECK(size == 0x36b000);
    CHECK_R(mt_flash_esp_layout(3 << 20, &start, &size), MT_FS_EINVAL);
    mt_flash_t chip;
    mt_flash_init(&chip, &cut_port, NULL, 1 << 20, 0x90000, FLASH_SIZE);
    CHECK(mt_flash_id(&chip) == 0x1440ef && mt_flash_size(&chip) == 1 << 20);
    CHECK(mt_flash_user_start(&chip) == 0x90000);
    CHECK_R(mt_flash_read(&chip, 0x1000, b, 4), MT_FS_EINVAL); /* the firmware area */
    CHECK_R(mt_flash_erase(&chip, 0x91), 0);
    CHECK_R(mt_flash_write(&chip, 0x91000, "ab", 2), 0);
    CHECK_R(mt_flash_read(&chip, 0x91000, b, 2), 0);
    CHECK(b[0] == 'a' && mem[0x1000] == 'a');
}

static void test_format_mount(void) {
    format(0);
    uint32_t cb, total, free;
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free), 0);
    CHECK(cb == 4096 && vol.type == 12 && free == total && vol.n_fats == 1);
    CHECK(vol.data_start % 8 == 0);                      /* clusters on erase blocks */
    CHECK(vol.vol_units == (FLASH_SIZE / 4096 - 3) * 8); /* the journal after it */
    CHECK(mt_jbdev_is_safe(&jb));
    CHECK_R(mt_fat_umount(&vol), 0);
    /* not FAT: ENODEV; a volume larger than the device: EIO */
    memset(mem, 0, 4096);
    CHECK_R(boot(), 0);
    CHECK_R(mount(), MT_FS_ENODEV);
    format(0);
    CHECK_R(mt_fat_umount(&vol), 0);
    jb.bdev.n_units = 64;
    CHECK_R(mount(), MT_FS_EIO);
}

static void test_files(void) {
    static mt_fat_file_t f;
    uint8_t buf[64];
    uint32_t got, put;
    format(0);
    static const uint32_t sizes[] = {0, 1, 511, 512, 513, 4095, 4096, 4097, 30000};
    char name[32];
    for (unsigned i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
        snprintf(name, sizeof(name), "/f%u.bin", i);
        CHECK_R(write_file(name, sizes[i], i, 1 + i * 97), 0);
    }
    CHECK_R(mt_fat_umount(&vol), 0);
    CHECK_R(boot(), 0);
    CHECK_R(mount(), 0);
    for (unsigned i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
        snprintf(name, sizeof(name), "/f%u.bin", i);
        CHECK_R(check_file(name, sizes[i], i), 0);
    }
    /* seek, overwrite in the middle, write past the end (zeros between), truncate */
    CHECK_R(mt_fat_open(&vol, &f, "/f8.bin", MT_FAT_O_READ | MT_FAT_O_WRITE), 0);
    CHECK_R(mt_fat_seek(&f, 1000), 0);
    CHECK_R(mt_fat_write(&f, "MIDDLE", 6, &put), 0);
    CHECK_R(mt_fat_seek(&f, 40000), 0);
    CHECK_R(mt_fat_write(&f, "END", 3, &put), 0);
    CHECK(f.size == 40003);
    CHECK_R(mt_fat_seek(&f, 995), 0);
    CHECK_R(mt_fat_read(&f, buf, 12, &got), 0);
    CHECK(got == 12 && !memcmp(buf + 5, "MIDDLE", 6) && buf[0] == pattern(995, 8));
    CHECK_R(mt_fat_seek(&f, 35000), 0);
    CHECK_R(mt_fat_read(&f, buf, 4, &got), 0);
    CHECK(got == 4 && !memcmp(buf, "\0\0\0\0", 4));
    CHECK_R(mt_fat_truncate(&f, 5000), 0);
    CHECK_R(mt_fat_close(&f), 0);
    CHECK_R(mt_fat_open(&vol, &f, "/f8.bin", MT_FAT_O_READ | MT_FAT_O_WRITE | MT_FAT_O_APPEND), 0);
    CHECK(f.size == 5000);
    CHECK_R(mt_fat_write(&f, "tail", 4, &put), 0);
    CHECK_R(mt_fat_close(&f), 0);
    CHECK_R(mt_fat_open(&vol, &f, "/f8.bin", MT_FAT_O_READ), 0);
    CHECK(f.size == 5004);
    CHECK_R(mt_fat_seek(&f, 5000), 0);
    CHECK_R(mt_fat_read(&f, buf, 64, &got), 0);
    CHECK(got == 4 && !memcmp(buf, "tail", 4));
    CHECK_R(mt_fat_write(&f, "x", 1, &put), MT_FS_EBADF); /* opened for reading */
    CHECK_R(mt_fat_close(&f), 0);
    /* open flags */
    CHECK_R(mt_fat_open(&vol, &f, "/f1.bin", MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_EXCL),
            MT_FS_EEXIST);
    CHECK_R(mt_fat_open(&vol, &f, "/none", MT_FAT_O_READ), MT_FS_ENOENT);
    CHECK_R(mt_fat_open(&vol, &f, "/", MT_FAT_O_READ), MT_FS_EISDIR);
    /* a second handle for writing detaches the first after committing it */
    static mt_fat_file_t g;
    CHECK_R(mt_fat_open(&vol, &f, "/f1.bin", MT_FAT_O_WRITE | MT_FAT_O_APPEND), 0);
    CHECK_R(mt_fat_write(&f, "abc", 3, &put), 0);
    CHECK_R(mt_fat_open(&vol, &g, "/f1.bin", MT_FAT_O_READ), 0);
    CHECK(g.size == 4);
    CHECK_R(mt_fat_write(&f, "d", 1, &put), MT_FS_EBADF);
    CHECK_R(mt_fat_close(&g), 0);
    CHECK_R(mt_fat_close(&f), 0);
    CHECK_R(mt_fat_umount(&vol), 0);
}

static void test_dirs(void) {
    mt_fat_loc_t loc;
    format(0);
    CHECK_R(mt_fat_mkdir(&vol, "/a"), 0);
    CHECK_R(mt_fat_mkdir(&vol, "/a/b"), 0);
    CHECK_R(mt_fat_mkdir(&vol, "/a"), MT_FS_EEXIST);
    CHECK_R(mt_fat_mkdir(&vol, "/x/y"), MT_FS_ENOENT);
    CHECK_R(write_file("/a/b/file.txt", 100, 1, 30), 0);
    CHECK_R(mt_fat_mkdir(&vol, "/a/b/file.txt/z"), MT_FS_ENOTDIR);
    CHECK_R(mt_fat_rmdir(&vol, "/a"), MT_FS_ENOTEMPTY);
    CHECK_R(mt_fat_rmdir(&vol, "/a/b/file.txt"), MT_FS_ENOTDIR);
    CHECK_R(mt_fat_remove(&vol, "/a/b"), MT_FS_EISDIR);
    CHECK_R(mt_fat_rmdir(&vol, "/"), MT_FS_EPERM);
    /* rename across directories, of a directory (its ".." follows), into itself */
    CHECK_R(mt_fat_rename(&vol, "/a/b/file.txt", "/moved.txt"), 0);
    CHECK_R(check_file("/moved.txt", 100, 1), 0);
    CHECK_R(mt_fat_stat(&vol, "/a/b/file.txt", &loc), MT_FS_ENOENT);
    CHECK_R(mt_fat_rename(&vol, "/a", "/a/b/c"), MT_FS_EINVAL);
    CHECK_R(mt_fat_rename(&vol, "/a/b", "/B"), 0);
    uint8_t *p;
    CHECK_R(mt_fat_stat(&vol, "/B", &loc), 0);
    uint32_t c = mt_fat_loc_clus(&loc);
    CHECK_R(mt_fat_meta_get(&vol, mt_fat_clus_unit(&vol, c), &p), 0);
    CHECK(p[32] == '.' && p[33] == '.' && p[32 + 26] == 0 && p[32 + 27] == 0); /* ".." = root */
    CHECK_R(mt_fat_rename(&vol, "/moved.txt", "/B"), MT_FS_EISDIR);
    CHECK_R(mt_fat_rename(&vol, "/B", "/moved.txt"), MT_FS_ENOTDIR);
    CHECK_R(write_file("/other.txt", 50, 2, 50), 0);
    CHECK_R(mt_fat_rename(&vol, "/other.txt", "/moved.txt"), 0); /* replaces */
    CHECK_R(check_file("/moved.txt", 50, 2), 0);
    CHECK_R(mt_fat_rmdir(&vol, "/B"), 0);
    CHECK_R(mt_fat_rmdir(&vol, "/a"), 0);
    /* a directory that grows past its first cluster, and shrinks */
    char name[64];
    CHECK_R(mt_fat_mkdir(&vol, "/many"), 0);
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof(name), "/many/a rather long file name %03d.text", i);
        CHECK_R(write_file(name, i < 50 ? 10 : 0, (uint32_t)i, 10), 0);
    }
    mt_fat_dir_t d;
    static mt_fat_dirent_t e;
    int n = 0;
    CHECK_R(mt_fat_opendir(&vol, "/many", &d), 0);
    while (mt_fat_readdir(&vol, &d, &e) == 0) n++;
    CHECK(n == 200);
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof(name), "/many/a rather long file name %03d.text", i);
        CHECK_R(check_file(name, i < 50 ? 10 : 0, (uint32_t)i), 0);
        CHECK_R(mt_fat_remove(&vol, name), 0);
    }
    CHECK_R(mt_fat_rmdir(&vol, "/many"), 0);
    uint32_t cb, total, free;
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free), 0);
    CHECK(free == total - 1); /* /moved.txt */
    CHECK_R(mt_fat_umount(&vol), 0);
}

/* the entry's short name */
static bool sfn_is(const char *path, const char *sfn) {
    mt_fat_loc_t loc;
    return mt_fat_stat(&vol, path, &loc) == 0 && !memcmp(loc.raw, sfn, 11);
}

static int n_entries(const char *path) {
    mt_fat_loc_t loc;
    return mt_fat_stat(&vol, path, &loc) == 0 ? loc.n_ent : -1;
}

static void test_names(void) {
    format(0);
    /* 8.3 names in one case per part need no long entries */
    CHECK_R(write_file("/boot.py", 1, 0, 1), 0);
    CHECK_R(write_file("/README.TXT", 1, 0, 1), 0);
    CHECK_R(write_file("/Makefile", 1, 0, 1), 0);
    CHECK(n_entries("/boot.py") == 1 && sfn_is("/boot.py", "BOOT    PY "));
    CHECK(vol.meta[0].unit != 0); /* (the cache is in use) */
    CHECK(n_entries("/README.TXT") == 1 && n_entries("/Makefile") == 2);
    /* case-insensitive lookups, by long and by short name */
    CHECK_R(check_file("/BOOT.PY", 1, 0), 0);
    CHECK_R(check_file("/makefile", 1, 0), 0);
    CHECK_R(check_file("/MAKEFILE", 1, 0), 0);
    CHECK_R(write_file("/BOOT.py", 5, 1, 5), 0); /* the same file */
    CHECK_R(check_file("/boot.py", 5, 1), 0);
    /* short aliases: numeric tails, then hashed ones */
    char name[80];
    CHECK_R(mt_fat_mkdir(&vol, "/t"), 0);
    for (int i = 1; i <= 70; i++) {
        snprintf(name, sizeof(name), "/t/Long File Name %d.text", i);
        CHECK_R(write_file(name, 0, 0, 1), 0);
    }
    CHECK(sfn_is("/t/Long File Name 1.text", "LONGFI~1TEX"));
    CHECK(sfn_is("/t/Long File Name 2.text", "LONGFI~2TEX"));
    CHECK(sfn_is("/t/Long File Name 10.text", "LONGF~10TEX"));
    mt_fat_loc_t loc;
    CHECK_R(mt_fat_stat(&vol, "/t/Long File Name 70.text", &loc), 0);
    CHECK(loc.raw[6] == '~' && loc.raw[7] == '1' && loc.raw[0] == 'L');
    CHECK_R(check_file("/t/LONGFI~2.TEX", 0, 0), 0); /* the alias opens the file too */
    /* names with characters short names cannot hold; long ones; invalid ones */
    CHECK_R(write_file("/a+b;c=d[e].txt", 2, 3, 2), 0);
    CHECK(sfn_is("/a+b;c=d[e].txt", "A_B_C_~1TXT"));
    CHECK_R(write_file("/\xc3\xbcn\xc3\xaf"
                       "c\xc3\xb6"
                       "de \xe6\x97\xa5\xe6\x9c\xac.txt",
                       3, 4, 3),
            0);
    CHECK_R(check_file("/\xc3\x9cN\xc3\x8f"
                       "C\xc3\x96"
                       "DE \xe6\x97\xa5\xe6\x9c\xac.TXT",
                       3, 4),
            0);
    CHECK_R(write_file("/emoji \xf0\x9f\x98\x80"
                       ".bin",
                       4, 5, 4),
            0); /* a surrogate pair */
    CHECK_R(check_file("/emoji \xf0\x9f\x98\x80"
                       ".bin",
                       4, 5),
            0);
    memset(name, 'n', sizeof(name));
    name[0] = '/';
    name[79] = 0;
    CHECK_R(write_file(name, 1, 0, 1), 0);
    CHECK_R(check_file(name, 1, 0), 0);
    static char huge[300];
    memset(huge, 'h', sizeof(huge));
    huge[0] = '/';
    huge[sizeof(huge) - 1] = 0;
    CHECK_R(write_file(huge, 1, 0, 1), MT_FS_ENAMETOOLONG);
    CHECK_R(write_file("/bad:name", 1, 0, 1), MT_FS_EINVAL);
    CHECK_R(write_file("/bad\x01name", 1, 0, 1), MT_FS_EINVAL);
    CHECK_R(write_file("/bad\xffutf8", 1, 0, 1), MT_FS_EINVAL);
    CHECK_R(write_file("/dots...", 1, 0, 1), 0); /* trailing dots go, as on Windows */
    CHECK_R(check_file("/dots", 1, 0), 0);
    /* listing gives the long names back */
    mt_fat_dir_t d;
    static mt_fat_dirent_t e;
    char out[MT_FAT_NAME_UTF8];
    bool seen_emoji = false, seen_boot = false;
    CHECK_R(mt_fat_opendir(&vol, "/", &d), 0);
    while (mt_fat_readdir(&vol, &d, &e) == 0) {
        mt_fat_dirent_name(&e, out);
        seen_emoji |= !strcmp(out, "emoji \xf0\x9f\x98\x80"
                                   ".bin");
        seen_boot |= !strcmp(out, "boot.py");
    }
    CHECK(seen_emoji && seen_boot);
    /* rename changing only the case */
    CHECK_R(mt_fat_rename(&vol, "/Makefile", "/MAKEFILE"), 0);
    CHECK(n_entries("/makefile") == 1 && sfn_is("/makefile", "MAKEFILE   "));
    CHECK_R(mt_fat_umount(&vol), 0);
}

static void test_enospc(void) {
    format(0);
    uint32_t cb, total, free, free2;
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free), 0);
    CHECK_R(write_file("/a.bin", 100000, 1, 1000), 0);
    CHECK_R(write_file("/big.bin", FLASH_SIZE, 2, 1400), MT_FS_ENOSPC);
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free2), 0);
    CHECK(free2 == 0);
    CHECK_R(mt_fat_mkdir(&vol, "/d"), MT_FS_ENOSPC);
    CHECK_R(check_file("/a.bin", 100000, 1), 0);
    /* what fit was kept, and the volume is consistent after a reboot */
    CHECK_R(mt_fat_umount(&vol), 0);
    CHECK_R(boot(), 0);
    CHECK_R(mount(), 0);
    mt_fat_loc_t loc;
    CHECK_R(mt_fat_stat(&vol, "/big.bin", &loc), 0);
    CHECK(mt_fat_loc_size(&loc) == (free - 25) * cb);
    CHECK_R(mt_fat_remove(&vol, "/big.bin"), 0);
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free2), 0);
    CHECK(free2 == free - 25);
    CHECK_R(mt_fat_mkdir(&vol, "/d"), 0);
    /* the fixed root directory fills up */
    char name[40];
    int r = 0, i;
    for (i = 0; i < 1000 && !r; i++) {
        snprintf(name, sizeof(name), "/%d", i);
        r = write_file(name, 0, 0, 1);
    }
    CHECK(r == MT_FS_ENOSPC && i > 200);
    CHECK_R(mt_fat_umount(&vol), 0);
}

/* images another FAT16/FAT32 formatter could make, on a sparse RAM device */
#define SPARSE_MAX 3000
static struct {
    uint32_t unit;
    uint8_t data[512];
} sparse[SPARSE_MAX];
static unsigned n_sparse;

static uint8_t *sparse_unit(uint32_t u, bool make) {
    for (unsigned i = 0; i < n_sparse; i++)
        if (sparse[i].unit == u) return sparse[i].data;
    if (!make || n_sparse == SPARSE_MAX) return NULL;
    sparse[n_sparse].unit = u;
    memset(sparse[n_sparse].data, 0, 512);
    return sparse[n_sparse++].data;
}

static int sp_read(mt_bdev_t *d, uint32_t unit, uint8_t *buf, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *p = sparse_unit(unit + i, false);
        if (p)
            memcpy(buf + i * 512, p, 512);
        else
            memset(buf + i * 512, 0, 512);
    }
    return 0;
}

static int sp_write(mt_bdev_t *d, uint32_t unit, const uint8_t *buf, uint32_t n, int kind) {
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *p = sparse_unit(unit + i, true);
        if (!p) return MT_FS_ENOSPC;
        memcpy(p, buf + i * 512, 512);
    }
    return 0;
}

static const mt_bdev_ops_t sparse_ops = {sp_read, sp_write};

static void fat_type(uint8_t type, uint32_t units, uint32_t clus) {
    mt_bdev_t dev = {&sparse_ops, units, 0, NULL, NULL};
    mt_fat_mkfs_opts_t o = {0};
    o.type = type;
    o.clus_bytes = clus;
    o.n_fats = 2;
    n_sparse = 0;
    CHECK_R(mt_fat_mkfs(&dev, 0, &o), 0);
    mt_fat_attach_bufs(&vol, vol_bufs);
    CHECK_R(mt_fat_mount(&vol, &dev, false), 0);
    CHECK(vol.type == type && vol.n_fats == 2);
    CHECK_R(mt_fat_mkdir(&vol, "/dir"), 0);
    CHECK_R(write_file("/dir/A Long Name.bin", 20000, 9, 999), 0);
    CHECK_R(mt_fat_rename(&vol, "/dir/A Long Name.bin", "/x.bin"), 0);
    CHECK_R(mt_fat_umount(&vol), 0);
    CHECK_R(mt_fat_mount(&vol, &dev, true), 0);
    CHECK_R(check_file("/x.bin", 20000, 9), 0);
    CHECK_R(write_file("/y", 1, 0, 1), MT_FS_EROFS);
    uint32_t cb, total, free;
    CHECK_R(mt_fat_statvfs(&vol, &cb, &total, &free), 0);
    CHECK(free == total - 1 - (20000 + clus - 1) / clus - (type == 32));
    /* the two FATs are the same */
    uint8_t a[512], b[512];
    bool same = true;
    for (uint32_t u = 0; u < vol.fat_units && same; u++) {
        sp_read(&dev, vol.fat_start + u, a, 1);
        sp_read(&dev, vol.fat_start + vol.fat_units + u, b, 1);
        same = !memcmp(a, b, 512);
    }
    CHECK(same);
    CHECK_R(mt_fat_umount(&vol), 0);
}

static void test_fat16(void) {
    fat_type(16, 40000, 512);
}
static void test_fat32(void) {
    fat_type(32, 70000, 512);
}

/* power cuts at every flash operation of an operation: after the replay the volume is the
 * one before or the one after, never a mixture */
static void cut_everywhere(uint32_t clus, int (*op)(void), int (*is_before)(void),
                           int (*is_after)(void)) {
    static uint8_t base[FLASH_SIZE];
    format(clus);
    CHECK_R(write_file("/keep.bin", 9000, 1, 700), 0);
    CHECK_R(write_file("/old.bin", 5000, 2, 700), 0);
    CHECK_R(write_file("/src.bin", 9000, 4, 700), 0);
    CHECK_R(mt_fat_mkdir(&vol, "/dir"), 0);
    CHECK_R(mt_fat_umount(&vol), 0);
    memcpy(base, mem, sizeof(mem));
    int befores = 0, afters = 0;
    for (long cut = 0;; cut++) {
        memcpy(mem, base, sizeof(mem));
        CHECK_R(boot(), 0);
        CHECK_R(mount(), 0);
        cut_left = cut;
        cut_done = false;
        int r = op(); /* after a cut it may fail: what it reads back was never written */
        CHECK(r == 0 || cut_done);
        mt_fat_umount(&vol);
        bool finished = !cut_done;
        CHECK_R(boot(), 0); /* power back: replay */
        CHECK_R(mount(), 0);
        CHECK_R(check_file("/keep.bin", 9000, 1), 0);
        int b = is_before(), a = is_after();
        if (!(b || a)) printf("  cut at flash operation %ld: neither before nor after\n", cut);
        CHECK(b || a);
        befores += b;
        afters += a;
        mt_fat_umount(&vol);
        if (finished) break;
    }
    CHECK(befores > 0 && afters > 0);
}

static int op_overwrite(void) {
    return write_file("/old.bin", 7000, 3, 900);
}
static int is_old(void) {
    return check_file("/old.bin", 5000, 2) == 0;
}
static int is_new(void) {
    return check_file("/old.bin", 7000, 3) == 0;
}
static int is_old_or_empty(void) {
    static mt_fat_file_t f;
    if (mt_fat_open(&vol, &f, "/old.bin", MT_FAT_O_READ) != 0) return 0;
    uint32_t size = f.size;
    mt_fat_close(&f);
    return size == 0 || is_old();
}

static int op_rename(void) {
    return mt_fat_rename(&vol, "/old.bin", "/dir/Renamed File.bin");
}
static int renamed(void) {
    mt_fat_loc_t loc;
    return mt_fat_stat(&vol, "/old.bin", &loc) == MT_FS_ENOENT &&
           check_file("/dir/Renamed File.bin", 5000, 2) == 0;
}

static int op_replace(void) {
    return mt_fat_rename(&vol, "/src.bin", "/old.bin");
}
static int replaced(void) {
    mt_fat_loc_t loc;
    return check_file("/old.bin", 9000, 4) == 0 && mt_fat_stat(&vol, "/src.bin", &loc) != 0;
}
static int not_replaced(void) {
    return is_old() && check_file("/src.bin", 9000, 4) == 0;
}

static int op_remove(void) {
    return mt_fat_remove(&vol, "/old.bin");
}
static int removed(void) {
    mt_fat_loc_t loc;
    return mt_fat_stat(&vol, "/old.bin", &loc) == MT_FS_ENOENT;
}

static int op_mkdir(void) {
    return mt_fat_mkdir(&vol, "/dir/New Directory");
}
static int made(void) {
    mt_fat_loc_t loc;
    return mt_fat_stat(&vol, "/dir/New Directory", &loc) == 0 && mt_fat_loc_is_dir(&loc);
}
static int not_made(void) {
    return !made();
}

static void test_cuts_4k(void) {
    /* a truncating write: the old content, an empty file or the new content */
    cut_everywhere(0, op_overwrite, is_old_or_empty, is_new);
    cut_everywhere(0, op_rename, is_old, renamed);
    cut_everywhere(0, op_replace, not_replaced, replaced);
    cut_everywhere(0, op_remove, is_old, removed);
    cut_everywhere(0, op_mkdir, not_made, made);
}

static void test_cuts_shared_blocks(void) {
    /* 1 KB clusters: files share erase blocks, rewriting one goes through the shadow */
    cut_everywhere(1024, op_overwrite, is_old_or_empty, is_new);
    cut_everywhere(1024, op_replace, not_replaced, replaced);
    cut_everywhere(1024, op_remove, is_old, removed);
}

int main(void) {
    run("flash semantics", test_flash_semantics);
    run("format and mount", test_format_mount);
    run("files", test_files);
    run("directories", test_dirs);
    run("names", test_names);
    run("enospc", test_enospc);
    run("fat16", test_fat16);
    run("fat32", test_fat32);
    run("power cuts, 4 KB clusters", test_cuts_4k);
    run("power cuts, shared erase blocks", test_cuts_shared_blocks);
    printf("%d passed, %d failed\n", n_passed, n_failed);
    return n_failed != 0;
}
