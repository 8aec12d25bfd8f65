/* Mote's FAT file system (FAT12, FAT16, FAT32 with VFAT long names), written from the FAT
 * specification. Plain C over a block device (fs/bdev.h); no Python objects, no allocation:
 * the caller provides the volume and file structures (the VFS keeps them in the GC heap).
 * Every function returns 0 or an errno value (MT_FS_E...).
 *
 * Paths given to this layer are absolute within the volume and normalised by the caller:
 * "/" or "/a/b" (no "." or ".." components, no empty ones). Names are UTF-8; on disk they
 * are 8.3 short names plus long-name entries (UTF-16) when the name needs them. Names match
 * case-insensitively (ASCII and Latin-1 letters), as on Windows.
 *
 * Memory: the volume uses MT_FAT_META_BUFS 512-byte buffers for FAT and directory units
 * and one for file data (written back when another unit is needed, on flush and on close);
 * files hold no buffer. The buffers are the caller's MT_FAT_BUF_BYTES, attached before
 * mount and before any call on the volume; when mt_fat_idle() says nothing is cached that
 * the medium lacks, the caller may detach them (the VFS gives them back to the heap between
 * operations while no file is open).
 *
 * Consistency: every change of metadata (FAT, directory entries, FSInfo) is made inside a
 * device transaction, in an order that keeps the volume consistent for fsck.fat at every
 * commit: a file's new clusters are reserved in RAM while it is written and linked into its
 * chain together with its new size when it is flushed or closed (or when its RAM extent list
 * is full). See docs/filesystem.md for the guarantees on power loss. */
#ifndef MT_FAT_H
#define MT_FAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bdev.h"

#ifndef MT_FAT_META_BUFS
#define MT_FAT_META_BUFS 2
#endif
#define MT_FAT_MAX_EXTENTS 4   /* runs of clusters a file may hold before it is committed */
#define MT_FAT_NAME_MAX    255 /* UTF-16 units of a long name */
#define MT_FAT_NAME_UTF8   (MT_FAT_NAME_MAX * 3 + 1)

/* directory entry attributes */
#define MT_FAT_ATTR_RO     0x01
#define MT_FAT_ATTR_HIDDEN 0x02
#define MT_FAT_ATTR_SYSTEM 0x04
#define MT_FAT_ATTR_VOLUME 0x08
#define MT_FAT_ATTR_DIR    0x10
#define MT_FAT_ATTR_ARCH   0x20

/* open flags */
#define MT_FAT_O_READ   0x01
#define MT_FAT_O_WRITE  0x02
#define MT_FAT_O_CREATE 0x04
#define MT_FAT_O_EXCL   0x08
#define MT_FAT_O_TRUNC  0x10
#define MT_FAT_O_APPEND 0x20

typedef struct {
    uint32_t unit;  /* UINT32_MAX: empty */
    uint32_t stamp; /* when last used (LRU) */
    bool dirty;
    uint8_t *data; /* MT_BDEV_UNIT bytes of the attached memory; NULL while detached */
} mt_fat_buf_t;

/* where a directory entry lives */
typedef struct {
    uint32_t dir;       /* first cluster of the directory (0: the root) */
    uint32_t first_idx; /* index of its first entry (long-name entries come first) */
    uint32_t unit;      /* unit of the short entry */
    uint16_t off;       /* byte offset of the short entry in that unit */
    uint8_t n_ent;      /* entries: long-name ones + the short one */
    uint8_t raw[32];    /* a copy of the short entry */
} mt_fat_loc_t;

typedef struct mt_fat_file_s mt_fat_file_t;

typedef struct {
    mt_bdev_t *dev;
    uint8_t type; /* 12, 16 or 32 */
    uint8_t n_fats;
    uint16_t spc; /* units per cluster */
    uint32_t clus_bytes;
    uint32_t vol_units;  /* units of the volume */
    uint32_t fat_start;  /* unit of the first FAT */
    uint32_t fat_units;  /* units per FAT */
    uint32_t root_start; /* FAT12/16: unit of the root directory */
    uint32_t root_units; /* FAT12/16: its units */
    uint32_t root_clus;  /* FAT32: first cluster of the root directory */
    uint32_t data_start; /* unit of cluster 2 */
    uint32_t n_clusters; /* clusters 2 .. n_clusters + 1 exist */
    uint32_t fsinfo;     /* FAT32: unit of FSInfo, 0: none */
    uint32_t free;       /* free clusters on disk, UINT32_MAX: not counted yet */
    uint32_t hint;       /* where the next search for a free cluster starts */
    uint32_t reserved;   /* a cluster being set up (new directory): not free */
    uint32_t serial;
    uint8_t label[11];
    bool readonly;
    bool in_tx;
    bool fsinfo_dirty; /* FSInfo's counts were invalidated in this mount */
    uint8_t tx_n;      /* distinct units written in the current transaction */
    uint32_t tx_units[16];
    uint32_t tick; /* use counter of the buffers */
    /* open files, a list linked through masked pointers (~p) so that, where these structures
     * live in a garbage-collected heap, the list does not keep unreachable files alive:
     * their finalisers close them, which takes them off the list */
    uintptr_t files;
    mt_fat_buf_t meta[MT_FAT_META_BUFS];
    mt_fat_buf_t data;
} mt_fat_t;

struct mt_fat_file_s {
    mt_fat_t *vol;
    uintptr_t next;   /* in vol->files (masked) */
    mt_fat_loc_t loc; /* its directory entry */
    uint8_t flags;    /* MT_FAT_O_* as opened */
    bool dirty;       /* size or chain changed since the last commit */
    bool detached;    /* the file was removed or re-opened: every operation fails */
    uint32_t first;   /* first cluster (committed or pending), 0: none */
    uint32_t size;
    uint32_t c_count; /* clusters in the committed chain */
    uint32_t c_last;  /* its last cluster (0: none) */
    uint32_t ext_start[MT_FAT_MAX_EXTENTS], ext_len[MT_FAT_MAX_EXTENTS];
    uint8_t n_ext; /* pending runs of clusters, in chain order after c_last */
    uint32_t pos;
    uint32_t cur_idx, cur_clus; /* a known (chain index, cluster) pair for seeking; 0: none */
};

/* one entry of a directory listing */
typedef struct {
    uint16_t lfn[MT_FAT_NAME_MAX + 1];
    uint16_t lfn_len; /* 0: the entry has only its short name */
    mt_fat_loc_t loc;
} mt_fat_dirent_t;

typedef struct {
    uint32_t start; /* first cluster (0: root) */
    uint32_t clus;  /* current cluster (0 in a FAT12/16 root) */
    uint32_t idx;   /* current entry index */
    uint32_t unit;  /* unit of the current entry */
    uint32_t steps; /* clusters walked: loop protection */
    bool end;
} mt_fat_dir_t;

typedef struct {
    uint32_t clus_bytes;   /* 0: choose (4096 when the device has erase blocks of 8 units) */
    uint8_t type;          /* 0: choose by size; 12, 16, 32 */
    uint8_t n_fats;        /* 0: 1 */
    uint16_t root_entries; /* FAT12/16: 0 chooses */
    uint32_t serial;
    const char *label; /* NULL: "NO NAME" */
} mt_fat_mkfs_opts_t;

/* FAT timestamp of "now": date << 16 | time (FAT encodings). The VFS sets it from the
 * clock; NULL: 2000-01-01 00:00:00. */
extern uint32_t (*mt_fat_now)(void);

/* buffers (see Memory above) */
#define MT_FAT_BUF_BYTES ((MT_FAT_META_BUFS + 1) * MT_BDEV_UNIT)
void mt_fat_attach_bufs(mt_fat_t *v, uint8_t *mem); /* caches start empty */
bool mt_fat_idle(const mt_fat_t *v);  /* no open file, no transaction, nothing dirty */
void mt_fat_detach_bufs(mt_fat_t *v); /* only when idle */

/* volume (mount keeps the attached buffers) */
int mt_fat_mount(mt_fat_t *v, mt_bdev_t *dev, bool readonly);
int mt_fat_umount(mt_fat_t *v); /* commits and closes the open files */
int mt_fat_sync(mt_fat_t *v);   /* commits the open files */
/* format units [0, n_units) of dev (the whole device when n_units is 0) */
int mt_fat_mkfs(mt_bdev_t *dev, uint32_t n_units, const mt_fat_mkfs_opts_t *opts);
int mt_fat_statvfs(mt_fat_t *v, uint32_t *clus_bytes, uint32_t *total, uint32_t *free);
/* the volume label as UTF-8 (trailing spaces removed) into out[12] */
void mt_fat_label(const mt_fat_t *v, char *out);

/* entries */
int mt_fat_stat(mt_fat_t *v, const char *path, mt_fat_loc_t *loc); /* "/" gives dir 0 */
int mt_fat_mkdir(mt_fat_t *v, const char *path);
int mt_fat_rmdir(mt_fat_t *v, const char *path);
int mt_fat_remove(mt_fat_t *v, const char *path);
int mt_fat_rename(mt_fat_t *v, const char *from, const char *to);
int mt_fat_opendir(mt_fat_t *v, const char *path, mt_fat_dir_t *d);
int mt_fat_readdir(mt_fat_t *v, mt_fat_dir_t *d, mt_fat_dirent_t *e); /* MT_FS_ENOENT: end */

/* what a short entry says */
static inline uint32_t mt_fat_loc_clus(const mt_fat_loc_t *l) {
    return (uint32_t)l->raw[26] | (uint32_t)l->raw[27] << 8 | (uint32_t)l->raw[20] << 16 |
           (uint32_t)l->raw[21] << 24;
}
static inline uint32_t mt_fat_loc_size(const mt_fat_loc_t *l) {
    return (uint32_t)l->raw[28] | (uint32_t)l->raw[29] << 8 | (uint32_t)l->raw[30] << 16 |
           (uint32_t)l->raw[31] << 24;
}
static inline bool mt_fat_loc_is_dir(const mt_fat_loc_t *l) {
    return (l->raw[11] & MT_FAT_ATTR_DIR) != 0;
}
/* modification time as seconds since 1970-01-01 (FAT times are local: taken as UTC) */
uint32_t mt_fat_loc_mtime(const mt_fat_loc_t *l);
/* the entry's name as UTF-8 (NUL-terminated; out holds MT_FAT_NAME_UTF8 bytes); returns
 * its length */
size_t mt_fat_dirent_name(const mt_fat_dirent_t *e, char *out);

/* files */
int mt_fat_open(mt_fat_t *v, mt_fat_file_t *f, const char *path, int flags);
int mt_fat_read(mt_fat_file_t *f, void *buf, uint32_t n, uint32_t *got);
/* writes what fits; *put says how much (MT_FS_ENOSPC when not all) */
int mt_fat_write(mt_fat_file_t *f, const void *buf, uint32_t n, uint32_t *put);
int mt_fat_seek(mt_fat_file_t *f, uint32_t pos); /* beyond the end is allowed */
int mt_fat_truncate(mt_fat_file_t *f, uint32_t size);
int mt_fat_flush(mt_fat_file_t *f); /* commit: durable when it returns */
int mt_fat_close(mt_fat_file_t *f); /* flush, then forget (also after errors) */

#endif
