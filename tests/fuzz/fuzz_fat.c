/* libFuzzer target: arbitrary bytes as a flash image, mounted and walked by the FAT code,
 * then changed (files written, directories made, renamed, removed).
 *
 * The input is the start of a 64 KB flash (the rest erased). When its third byte is odd,
 * the input's second half also becomes journal records (fs/journal.c's record format, with
 * valid CRCs, so the replay logic is reached) in the journal's first bank. Any error is an
 * accepted outcome; crashes, sanitizer reports and hangs are not. */
#include <string.h>

#include "fat.h"
#include "flash.h"
#include "journal.h"
#include "lib.h"
#include "fuzz_lib.h"

#define IMAGE (64 * 1024)

static uint8_t image[IMAGE];
static mt_flash_t flash;
static mt_jbdev_t jb;
static mt_fat_t vol;
static uint8_t vol_bufs[MT_FAT_BUF_BYTES];

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* one record at *pos of the bank at base; the payload (STAGE) repeats 16 input bytes */
static void record(uint32_t base, uint32_t *pos, uint8_t type, uint32_t seq, uint32_t arg,
                   const uint8_t *pay) {
    uint32_t len = type == 2 ? 16 + 512 : 16;
    if (*pos + len > MT_FLASH_SECTOR) return;
    uint8_t *h = image + base + *pos;
    h[0] = 0x4d, h[1] = 0x4a, h[2] = type, h[3] = 0;
    put32(h + 4, seq);
    put32(h + 8, arg);
    if (type == 2) {
        for (int i = 0; i < 512; i++) h[16 + i] = pay[i % 16];
    }
    uint32_t crc = mt_crc32(0, h, 12);
    if (type == 2) crc = mt_crc32(crc, h + 16, 512);
    put32(h + 12, crc);
    *pos += len;
}

static void make_journal(const uint8_t *d, size_t n) {
    uint32_t blocks = IMAGE / MT_FLASH_SECTOR, base = (blocks - MT_JOURNAL_BLOCKS + 1) * 4096;
    uint32_t pos = 0;
    memset(image + base, 0xff, MT_FLASH_SECTOR);
    record(base, &pos, 1, 1, 0, NULL); /* BANK, generation 1 */
    /* the shadow block gets input bytes too, for SHADOW records to copy back */
    uint32_t shadow = (blocks - MT_JOURNAL_BLOCKS) * 4096;
    for (uint32_t i = 0; i < MT_FLASH_SECTOR; i++) image[shadow + i] = n ? d[i % n] : 0xff;
    while (n >= 20) {
        uint8_t type = (uint8_t)(1 + d[0] % 6);
        uint32_t seq = d[1] % 4, arg = (uint32_t)(d[2] | d[3] << 8) % (IMAGE / 512);
        if (type == 4) arg %= blocks;
        record(base, &pos, type, seq, arg, d + 4);
        d += 20;
        n -= 20;
    }
}

/* walk the tree: stat and read everything */
static void walk(const char *path, int depth) {
    static mt_fat_dirent_t e;
    static mt_fat_file_t f;
    mt_fat_dir_t d;
    char name[MT_FAT_NAME_UTF8], full[300];
    if (depth > 4 || mt_fat_opendir(&vol, path, &d)) return;
    for (int i = 0; i < 64 && mt_fat_readdir(&vol, &d, &e) == 0; i++) {
        size_t n = mt_fat_dirent_name(&e, name);
        if (strlen(path) + n + 2 > sizeof(full)) continue;
        strcpy(full, path);
        if (strcmp(path, "/")) strcat(full, "/");
        strcat(full, name);
        mt_fat_loc_t loc;
        mt_fat_stat(&vol, full, &loc);
        mt_fat_dir_t saved = d;
        if (mt_fat_loc_is_dir(&e.loc)) {
            walk(full, depth + 1);
        } else if (mt_fat_open(&vol, &f, full, MT_FAT_O_READ) == 0) {
            uint8_t buf[700];
            uint32_t got;
            for (int k = 0; k < 100 && mt_fat_read(&f, buf, sizeof(buf), &got) == 0 && got; k++) {
            }
            mt_fat_close(&f);
        }
        d = saved;
    }
}

static void change(void) {
    static mt_fat_file_t f;
    static const uint8_t data[3000] = {1, 2, 3};
    uint32_t put, cb, total, free;
    mt_fat_statvfs(&vol, &cb, &total, &free);
    if (mt_fat_open(&vol, &f, "/new file.txt", MT_FAT_O_WRITE | MT_FAT_O_CREATE) == 0) {
        mt_fat_write(&f, data, sizeof(data), &put);
        mt_fat_truncate(&f, 100);
        mt_fat_close(&f);
    }
    mt_fat_mkdir(&vol, "/Some Directory");
    mt_fat_rename(&vol, "/new file.txt", "/Some Directory/moved.txt");
    mt_fat_remove(&vol, "/Some Directory/moved.txt");
    mt_fat_rmdir(&vol, "/Some Directory");
}

static void run(const uint8_t *data, size_t size) {
    memset(image, 0xff, sizeof(image));
    memcpy(image, data, size < IMAGE ? size : IMAGE);
    if (size > 40 && (data[2] & 1)) make_journal(data + size / 2, size - size / 2);
    mt_flash_init_ram(&flash, image, IMAGE);
    if (mt_jbdev_open(&jb, &flash)) return;
    mt_fat_attach_bufs(&vol, vol_bufs);
    if (mt_fat_mount(&vol, &jb.bdev, false)) return;
    mt_jbdev_set_volume(&jb, vol.vol_units);
    walk("/", 0);
    change();
    walk("/", 0);
    mt_fat_umount(&vol);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    (void)fuzz_fun;
    fuzz_run(run, data, size);
    return 0;
}
