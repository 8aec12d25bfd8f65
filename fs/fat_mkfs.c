/* Formatting a FAT volume (the spec's boot sector, FATs, root directory; FSInfo and the
 * backup boot sector on FAT32).
 *
 * Choices: 512-byte sectors; one FAT unless asked for more; on flash (a device with
 * erase blocks) 4 KB clusters, and the data area starts on a 4 KB boundary, so a cluster is
 * exactly one erase block: writing a new cluster costs one erase and files never share a
 * block. The FAT12/16 root directory is padded up to that boundary (at least 224 entries).
 * Elsewhere the cluster is the smallest that keeps the cluster count in range. */
#include "fat_int.h"

#define ALIGN_UNITS 8 /* 4 KB */

typedef struct {
    uint8_t type, n_fats;
    uint32_t spc, rsvd, fatsz, root_units, total, clusters;
} layout_t;

static uint32_t div_up(uint64_t a, uint32_t b) {
    return (uint32_t)((a + b - 1) / b);
}

static uint32_t fat_bytes(uint8_t type, uint32_t clusters) {
    uint64_t entries = (uint64_t)clusters + 2;
    return (uint32_t)(type == 12 ? div_up(entries * 3, 2) : entries * (type / 8));
}

/* sizes for a volume of total units with clusters of spc units; false if it cannot work */
static bool plan(layout_t *l, uint8_t type, uint32_t spc, uint32_t min_root, uint32_t align) {
    l->type = type;
    l->spc = spc;
    l->rsvd = type == 32 ? 32 : 1;
    l->fatsz = 1;
    for (int i = 0; i < 8; i++) {
        uint32_t meta = l->rsvd + l->n_fats * l->fatsz + min_root;
        if (meta + spc > l->total) return false;
        uint32_t clusters = (l->total - meta) / spc;
        l->fatsz = div_up(fat_bytes(type, clusters), UNIT);
    }
    uint32_t meta = l->rsvd + l->n_fats * l->fatsz + min_root;
    uint32_t pad = (align - meta % align) % align;
    if (type == 32) l->rsvd += pad;
    l->root_units = type == 32 ? 0 : min_root + pad;
    meta += pad;
    if (meta + spc > l->total) return false;
    l->clusters = (l->total - meta) / spc;
    uint8_t real = l->clusters < 4085 ? 12 : l->clusters < 65525 ? 16 : 32;
    return real == type && fat_bytes(type, l->clusters) <= l->fatsz * UNIT;
}

static int choose(layout_t *l, const mt_fat_mkfs_opts_t *o, bool flash) {
    uint32_t align = flash ? ALIGN_UNITS : 1;
    uint32_t min_root = o->root_entries ? div_up(o->root_entries, DIR_PER_UNIT) : 14;
    uint32_t first = o->clus_bytes ? o->clus_bytes / UNIT : flash ? 8 : 1;
    if (o->clus_bytes &&
        (o->clus_bytes < UNIT || o->clus_bytes > 32768 || (o->clus_bytes & (o->clus_bytes - 1)))) {
        return MT_FS_EINVAL;
    }
    for (uint32_t spc = first; spc <= 64; spc *= 2) {
        for (uint8_t type = 12; type; type = type == 12 ? 16 : type == 16 ? 32 : 0) {
            if (o->type && o->type != type) continue;
            if (plan(l, type, spc, type == 32 ? 0 : min_root, align)) return 0;
        }
        if (o->clus_bytes) break;
    }
    return MT_FS_EINVAL; /* too small or too big for the type or cluster size asked */
}

static void boot_sector(uint8_t *b, const layout_t *l, const mt_fat_mkfs_opts_t *o) {
    memset(b, 0, UNIT);
    b[0] = 0xeb;
    b[1] = l->type == 32 ? 0x58 : 0x3c;
    b[2] = 0x90;
    memcpy(b + 3, "MOTE 1.0", 8);
    mt_put16(b + 11, UNIT);
    b[13] = (uint8_t)l->spc;
    mt_put16(b + 14, l->rsvd);
    b[16] = l->n_fats;
    mt_put16(b + 17, l->root_units * DIR_PER_UNIT);
    if (l->total < 65536 && l->type != 32)
        mt_put16(b + 19, l->total);
    else
        mt_put32(b + 32, l->total);
    b[21] = 0xf8;
    mt_put16(b + 24, 32); /* sectors per track, heads: geometry nobody uses */
    mt_put16(b + 26, 64);
    uint8_t *ext = b + 36;
    if (l->type == 32) {
        mt_put32(b + 36, l->fatsz);
        mt_put32(b + 44, 2);
        mt_put16(b + 48, 1);
        mt_put16(b + 50, 6);
        ext = b + 64;
    } else {
        mt_put16(b + 22, l->fatsz);
    }
    ext[0] = 0x80;
    ext[2] = 0x29;
    mt_put32(ext + 3, o->serial);
    memset(ext + 7, ' ', 11);
    const char *label = o->label ? o->label : "NO NAME";
    for (unsigned i = 0; i < 11 && label[i]; i++) {
        char c = label[i];
        ext[7 + i] = (uint8_t)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    memcpy(ext + 18, l->type == 12 ? "FAT12   " : l->type == 16 ? "FAT16   " : "FAT32   ", 8);
    b[0x1fe] = 0x55;
    b[0x1ff] = 0xaa;
}

static void fsinfo_sector(uint8_t *b, const layout_t *l) {
    memset(b, 0, UNIT);
    mt_put32(b, 0x41615252);
    mt_put32(b + 484, 0x61417272);
    mt_put32(b + 488, l->clusters - 1);
    mt_put32(b + 492, 3);
    mt_put32(b + 508, 0xaa550000);
}

static int put(mt_bdev_t *dev, uint32_t unit, const uint8_t *b) {
    return dev->ops->write(dev, unit, b, 1, MT_BDEV_DATA);
}

int mt_fat_mkfs(mt_bdev_t *dev, uint32_t n_units, const mt_fat_mkfs_opts_t *opts) {
    mt_fat_mkfs_opts_t o = {0};
    if (opts) o = *opts;
    layout_t l;
    memset(&l, 0, sizeof(l));
    l.total = n_units ? n_units : dev->n_units;
    l.n_fats = o.n_fats ? o.n_fats : 1;
    if (l.total > dev->n_units || l.n_fats > 2) return MT_FS_EINVAL;
    bool flash = dev->ops->prepare != NULL;
    int r = choose(&l, &o, flash);
    if (r) return r;
    dev->is_free = NULL; /* whatever was mounted is gone */
    uint32_t meta = l.rsvd + l.n_fats * l.fatsz + l.root_units;
    uint32_t root_unit = meta; /* FAT32: cluster 2 */
    uint32_t zero_to = l.type == 32 ? meta + l.spc : meta;
    if (flash) r = dev->ops->prepare(dev, 0, zero_to);
    uint8_t b[UNIT];
    for (uint32_t u = 0; u < zero_to && !r; u++) {
        bool fat_first =
            u >= l.rsvd && u < l.rsvd + l.n_fats * l.fatsz && (u - l.rsvd) % l.fatsz == 0;
        if (u == 0 || (l.type == 32 && u == 6)) {
            boot_sector(b, &l, &o);
        } else if (l.type == 32 && (u == 1 || u == 7)) {
            fsinfo_sector(b, &l);
        } else if (fat_first) {
            memset(b, 0, UNIT);
            if (l.type == 12) {
                b[0] = 0xf8, b[1] = 0xff, b[2] = 0xff;
            } else if (l.type == 16) {
                mt_put32(b, 0xfffffff8);
            } else {
                mt_put32(b, 0x0ffffff8);
                mt_put32(b + 4, 0x0fffffff);
                mt_put32(b + 8, 0x0fffffff);
            }
        } else if (l.type == 32 && u == 2) {
            memset(b, 0, UNIT);
            mt_put32(b + 508, 0xaa550000);
        } else {
            memset(b, 0, UNIT);
            if (u == root_unit && o.label) {
                memset(b, ' ', 11);
                for (unsigned i = 0; i < 11 && o.label[i]; i++) {
                    char c = o.label[i];
                    b[i] = (uint8_t)(c >= 'a' && c <= 'z' ? c - 32 : c);
                }
                b[11] = MT_FAT_ATTR_VOLUME;
                mt_fat_raw_touch(b, false);
            }
        }
        if (flash) {
            bool zero = true;
            for (unsigned i = 0; i < UNIT && zero; i++) zero = b[i] == 0xff;
            if (zero) continue;
        }
        r = put(dev, u, b);
    }
    if (!r && dev->ops->sync) r = dev->ops->sync(dev);
    return r;
}
