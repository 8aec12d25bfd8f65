/* Internals shared by fs/fat.c (volume, cache, FAT table, transactions), fs/fat_dir.c
 * (names, directories, paths), fs/fat_file.c (files) and fs/fat_mkfs.c (format). */
#ifndef MT_FAT_INT_H
#define MT_FAT_INT_H

#include <string.h>

#include "fat.h"

#define UNIT         MT_BDEV_UNIT
#define NO_UNIT      UINT32_MAX
#define DIR_ENTRY    32
#define DIR_PER_UNIT (UNIT / DIR_ENTRY)
#define DIR_MAX      65536 /* entries a directory may have (the spec's limit) */
#define LFN_CHARS    13    /* UTF-16 units per long-name entry */
#define ATTR_LFN     0x0f
#define DEL_MARK     0xe5

static inline uint32_t mt_get16(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8;
}
static inline uint32_t mt_get32(const uint8_t *p) {
    return mt_get16(p) | mt_get16(p + 2) << 16;
}
static inline void mt_put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void mt_put32(uint8_t *p, uint32_t v) {
    mt_put16(p, v);
    mt_put16(p + 2, v >> 16);
}

/* the masked links of the open-file list (see mt_fat_t.files) */
static inline mt_fat_file_t *mt_fat_unmask(uintptr_t h) {
    return h ? (mt_fat_file_t *)~h : NULL;
}
static inline uintptr_t mt_fat_mask(mt_fat_file_t *f) {
    return f ? ~(uintptr_t)f : 0;
}

/* ---- fat.c */
/* the buffer holding unit (read through the cache); *p points at its 512 bytes */
int mt_fat_meta_get(mt_fat_t *v, uint32_t unit, uint8_t **p);
/* mark a cached unit written (inside a transaction); MT_FS_EFBIG when the transaction
 * would exceed the device's tx_max */
int mt_fat_meta_dirty(mt_fat_t *v, uint32_t unit);
/* would writing these units (FAT units count once per FAT copy) still fit the transaction? */
bool mt_fat_tx_fits(mt_fat_t *v, const uint32_t *units, unsigned n);
int mt_fat_tx_begin(mt_fat_t *v);
/* commit when r is 0, else abort; returns the outcome */
int mt_fat_tx_end(mt_fat_t *v, int r);

bool mt_fat_clus_ok(const mt_fat_t *v, uint32_t c);
uint32_t mt_fat_eoc(const mt_fat_t *v);
static inline uint32_t mt_fat_clus_unit(const mt_fat_t *v, uint32_t c) {
    return v->data_start + (c - 2) * v->spc;
}
int mt_fat_get(mt_fat_t *v, uint32_t c, uint32_t *val);
int mt_fat_set(mt_fat_t *v, uint32_t c, uint32_t val);
/* the cluster after c in its chain: 0 at the end; MT_FS_EIO for a broken chain */
int mt_fat_next(mt_fat_t *v, uint32_t c, uint32_t *next);
/* the FAT units entry c lives in (1 or 2) */
unsigned mt_fat_entry_units(const mt_fat_t *v, uint32_t c, uint32_t units[2]);
/* length and last cluster of the chain from first (0: empty) */
int mt_fat_chain(mt_fat_t *v, uint32_t first, uint32_t *len, uint32_t *last);
/* a free cluster (prefer, if free) for a file or directory; MT_FS_ENOSPC */
int mt_fat_alloc(mt_fat_t *v, uint32_t prefer, uint32_t *c);
/* make the cluster read as erased (before data is written into it) */
int mt_fat_prepare(mt_fat_t *v, uint32_t c);
/* write back the data buffer if dirty; forget it if it holds one of units [u, u+n) */
int mt_fat_data_flush(mt_fat_t *v);
void mt_fat_data_forget(mt_fat_t *v, uint32_t u, uint32_t n);
/* count the free clusters if not known yet */
int mt_fat_count_free(mt_fat_t *v);
/* the current FAT timestamp: date << 16 | time */
uint32_t mt_fat_timestamp(void);

/* ---- fat_dir.c */
/* find path: *loc; *parent gets the directory that holds (or would hold) the last
 * component, and *name its offset in path. MT_FS_ENOENT if the last component does not
 * exist (parent and name are still set), ENOTDIR/ENOENT if a directory on the way is
 * missing. The root "/" gives loc->dir 0, n_ent 0. */
int mt_fat_lookup(mt_fat_t *v, const char *path, mt_fat_loc_t *loc, uint32_t *parent,
                  const char **name);
/* where a new entry goes: found (outside any transaction; the directory may grow) by
 * mt_fat_entry_plan, written (inside one) by mt_fat_entry_write */
typedef struct {
    uint32_t dir;  /* the directory (0: root) */
    uint32_t slot; /* index of the first entry */
    uint8_t n_lfn; /* long-name entries before the short one */
    uint8_t ntres; /* the lower-case flags of a short-only name */
    uint8_t sfn[11];
    bool end_region;  /* the slots were past the end marker: keep one after them */
    const char *name; /* UTF-8, up to '/' or NUL */
} mt_fat_plan_t;
/* plan an entry `name` in directory dir. MT_FS_EEXIST if the name is taken (except by the
 * entry whose first index in dir is skip: a rename onto itself). */
int mt_fat_entry_plan(mt_fat_t *v, uint32_t dir, const char *name, uint32_t skip,
                      mt_fat_plan_t *plan);
/* write the planned entry with the other fields of the short entry tmpl (attributes,
 * cluster, size, times); *loc gets it */
int mt_fat_entry_write(mt_fat_t *v, const mt_fat_plan_t *plan, const uint8_t *tmpl,
                       mt_fat_loc_t *loc);
/* write loc->raw back into the directory (inside a transaction) */
int mt_fat_entry_store(mt_fat_t *v, const mt_fat_loc_t *loc);
/* free the chain from index keep on of the entry at loc and set its size: in as many
 * transactions as the device needs; with remove, the entry goes too (in the last one) */
int mt_fat_shrink(mt_fat_t *v, mt_fat_loc_t *loc, uint32_t keep, uint32_t size, bool remove);
/* set the cluster and size fields of a short entry */
void mt_fat_raw_set(uint8_t *raw, uint32_t clus, uint32_t size);
/* stamp the short entry's write (and with create, creation) date and time */
void mt_fat_raw_touch(uint8_t *raw, bool create);

/* ---- fat_file.c */
/* the open files of the volume whose entry is at loc: detach them (removed, replaced) */
void mt_fat_files_detach(mt_fat_t *v, const mt_fat_loc_t *loc);
/* an entry moved (rename): open files follow it */
void mt_fat_files_moved(mt_fat_t *v, const mt_fat_loc_t *from, const mt_fat_loc_t *to);
/* is cluster c pending (reserved in RAM) in an open file? */
bool mt_fat_files_pending(const mt_fat_t *v, uint32_t c);
uint32_t mt_fat_files_pending_count(const mt_fat_t *v);

#endif
