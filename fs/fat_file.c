/* FAT files: open, read, write, seek, truncate, flush, close.
 *
 * A file's committed state is its directory entry and cluster chain on disk. Clusters it
 * grows into while being written are taken from the free ones and kept in RAM as runs
 * ("pending extents", at most MT_FAT_MAX_EXTENTS); the FAT still says they are free, so a
 * power cut loses them without leaving anything for fsck.fat to complain about. A flush
 * (or close, or a full extent list) links them into the chain and sets the new size in the
 * same transaction.
 *
 * At most one handle may use a file when one of them writes: opening a file that is open
 * elsewhere with a writer among them flushes and detaches the older handles (they then
 * fail with EBADF), as does removing it. */
#include "fat_int.h"

/* ---- the volume's list of open files */

static bool same_entry(const mt_fat_loc_t *a, const mt_fat_loc_t *b) {
    return a->dir == b->dir && a->first_idx == b->first_idx;
}

#define FIRST(v) mt_fat_unmask((v)->files)
#define NEXT(f)  mt_fat_unmask((f)->next)

static void unlink_file(mt_fat_file_t *f) {
    mt_fat_t *v = f->vol;
    for (uintptr_t *p = &v->files; *p; p = &mt_fat_unmask(*p)->next) {
        if (mt_fat_unmask(*p) == f) {
            *p = f->next;
            break;
        }
    }
    f->next = 0;
    f->n_ext = 0;
    f->detached = true;
}

void mt_fat_files_detach(mt_fat_t *v, const mt_fat_loc_t *loc) {
    mt_fat_file_t *f = FIRST(v);
    while (f) {
        mt_fat_file_t *next = NEXT(f);
        if (same_entry(&f->loc, loc)) unlink_file(f);
        f = next;
    }
}

void mt_fat_files_moved(mt_fat_t *v, const mt_fat_loc_t *from, const mt_fat_loc_t *to) {
    for (mt_fat_file_t *f = FIRST(v); f; f = NEXT(f)) {
        if (!same_entry(&f->loc, from)) continue;
        uint8_t raw[32];
        memcpy(raw, to->raw, 32);
        memcpy(raw + 13, f->loc.raw + 13, 32 - 13); /* times, cluster, size: the file's */
        f->loc = *to;
        memcpy(f->loc.raw, raw, 32);
    }
}

bool mt_fat_files_pending(const mt_fat_t *v, uint32_t c) {
    for (const mt_fat_file_t *f = FIRST(v); f; f = NEXT(f)) {
        for (unsigned i = 0; i < f->n_ext; i++) {
            if (c >= f->ext_start[i] && c - f->ext_start[i] < f->ext_len[i]) return true;
        }
    }
    return false;
}

uint32_t mt_fat_files_pending_count(const mt_fat_t *v) {
    uint32_t n = 0;
    for (const mt_fat_file_t *f = FIRST(v); f; f = NEXT(f)) {
        for (unsigned i = 0; i < f->n_ext; i++) n += f->ext_len[i];
    }
    return n;
}

/* ---- positions */

static uint32_t pending_clusters(const mt_fat_file_t *f) {
    uint32_t n = 0;
    for (unsigned i = 0; i < f->n_ext; i++) n += f->ext_len[i];
    return n;
}

static uint32_t last_cluster(const mt_fat_file_t *f) {
    return f->n_ext ? f->ext_start[f->n_ext - 1] + f->ext_len[f->n_ext - 1] - 1 : f->c_last;
}

/* the cluster at chain index k (k < the file's clusters) */
static int clus_at(mt_fat_file_t *f, uint32_t k, uint32_t *c) {
    mt_fat_t *v = f->vol;
    if (k >= f->c_count) {
        uint32_t j = k - f->c_count;
        for (unsigned i = 0; i < f->n_ext; i++) {
            if (j < f->ext_len[i]) {
                *c = f->ext_start[i] + j;
                return 0;
            }
            j -= f->ext_len[i];
        }
        return MT_FS_EIO;
    }
    uint32_t idx = 0, x = f->first;
    if (f->cur_clus && f->cur_idx <= k && f->cur_idx < f->c_count) {
        idx = f->cur_idx;
        x = f->cur_clus;
    }
    for (; idx < k; idx++) {
        int r = mt_fat_next(v, x, &x);
        if (r) return r;
        if (x == 0) return MT_FS_EIO;
    }
    f->cur_idx = k;
    f->cur_clus = x;
    *c = x;
    return 0;
}

/* the data buffer holds unit (read from the device, or with load false left as erased
 * bytes: all of the unit beyond the end of the file) */
static int data_load(mt_fat_t *v, uint32_t unit, bool load) {
    if (v->data.unit == unit) return 0;
    int r = mt_fat_data_flush(v);
    if (r) return r;
    v->data.unit = NO_UNIT;
    if (load)
        r = v->dev->ops->read(v->dev, unit, v->data.data, 1);
    else
        memset(v->data.data, 0xff, UNIT);
    if (!r) v->data.unit = unit;
    return r;
}

static int check_open(const mt_fat_file_t *f) {
    return f->detached || !f->vol ? MT_FS_EBADF : 0;
}

/* ---- committing: link the pending clusters and store the entry */

/* link as many pending clusters as one transaction allows; *linked says how many */
static int link_pending(mt_fat_file_t *f, uint32_t *linked) {
    mt_fat_t *v = f->vol;
    uint32_t prev = f->c_last, n = 0, total = pending_clusters(f), first = f->first;
    int r = 0;
    while (n < total && !r) {
        uint32_t c, units[5];
        unsigned k = 0;
        r = clus_at(f, f->c_count + n, &c);
        if (r) break;
        if (prev) k = mt_fat_entry_units(v, prev, units);
        k += mt_fat_entry_units(v, c, units + k);
        units[k++] = f->loc.unit;
        if (!mt_fat_tx_fits(v, units, k)) break;
        if (prev)
            r = mt_fat_set(v, prev, c);
        else
            first = c;
        prev = c;
        n++;
    }
    if (!r && n) r = mt_fat_set(v, prev, mt_fat_eoc(v));
    *linked = n;
    f->first = first;
    return r;
}

static void drop_linked(mt_fat_file_t *f, uint32_t n) {
    while (n > 0 && f->n_ext > 0) {
        uint32_t k = n < f->ext_len[0] ? n : f->ext_len[0];
        f->ext_start[0] += k;
        f->ext_len[0] -= k;
        n -= k;
        if (f->ext_len[0] == 0) {
            memmove(f->ext_start, f->ext_start + 1, (f->n_ext - 1) * sizeof(uint32_t));
            memmove(f->ext_len, f->ext_len + 1, (f->n_ext - 1) * sizeof(uint32_t));
            f->n_ext--;
        }
    }
}

static int commit(mt_fat_file_t *f) {
    mt_fat_t *v = f->vol;
    while (f->dirty) {
        uint32_t linked = 0, old_first = f->first;
        int r = mt_fat_tx_begin(v);
        if (r) return r;
        r = link_pending(f, &linked);
        uint32_t left = pending_clusters(f) - linked;
        uint32_t size = left ? (f->c_count + linked) * v->clus_bytes : f->size;
        if (!r && left && linked == 0) r = MT_FS_EFBIG;
        uint8_t raw[32];
        memcpy(raw, f->loc.raw, 32);
        mt_fat_raw_set(f->loc.raw, f->first, size);
        mt_fat_raw_touch(f->loc.raw, false);
        f->loc.raw[11] |= MT_FAT_ATTR_ARCH;
        if (!r) r = mt_fat_entry_store(v, &f->loc);
        r = mt_fat_tx_end(v, r);
        if (r) {
            memcpy(f->loc.raw, raw, 32);
            f->first = old_first;
            return r;
        }
        if (linked) {
            uint32_t last;
            clus_at(f, f->c_count + linked - 1, &last);
            f->c_last = last;
            f->c_count += linked;
            drop_linked(f, linked);
            if (v->free != UINT32_MAX) v->free -= linked;
        }
        f->dirty = left > 0;
    }
    return 0;
}

int mt_fat_flush(mt_fat_file_t *f) {
    int r = check_open(f);
    if (!r) r = mt_fat_data_flush(f->vol);
    if (!r && f->dirty) r = commit(f);
    return r;
}

/* ---- growing */

/* a new cluster at the end of the file, erased for writing */
static int grow(mt_fat_file_t *f) {
    mt_fat_t *v = f->vol;
    uint32_t last = last_cluster(f), c;
    int r = mt_fat_alloc(v, last ? last + 1 : 0, &c);
    if (r) return r;
    bool extends = f->n_ext && c == last + 1;
    if (!extends && f->n_ext == MT_FAT_MAX_EXTENTS) {
        r = commit(f);
        if (r) return r;
    }
    r = mt_fat_prepare(v, c);
    if (r) return r;
    if (extends) {
        f->ext_len[f->n_ext - 1]++;
    } else {
        f->ext_start[f->n_ext] = c;
        f->ext_len[f->n_ext++] = 1;
    }
    if (f->first == 0) f->first = c;
    f->dirty = true;
    return 0;
}

/* ---- reading and writing */

int mt_fat_read(mt_fat_file_t *f, void *buf, uint32_t n, uint32_t *got) {
    uint8_t *out = buf;
    *got = 0;
    int r = check_open(f);
    if (r) return r;
    if (!(f->flags & MT_FAT_O_READ)) return MT_FS_EBADF;
    mt_fat_t *v = f->vol;
    if (f->pos >= f->size) return 0;
    if (n > f->size - f->pos) n = f->size - f->pos;
    while (n > 0) {
        uint32_t c, in = f->pos % v->clus_bytes, uoff = f->pos % UNIT, k;
        r = clus_at(f, f->pos / v->clus_bytes, &c);
        if (r) return r;
        uint32_t unit = mt_fat_clus_unit(v, c) + in / UNIT;
        if (uoff == 0 && n >= UNIT) {
            uint32_t m = n / UNIT, room = v->spc - in / UNIT;
            if (m > room) m = room;
            if (v->data.unit >= unit && v->data.unit - unit < m) r = mt_fat_data_flush(v);
            if (!r) r = v->dev->ops->read(v->dev, unit, out, m);
            k = m * UNIT;
        } else {
            r = data_load(v, unit, true);
            k = UNIT - uoff < n ? UNIT - uoff : n;
            if (!r) memcpy(out, v->data.data + uoff, k);
        }
        if (r) return r;
        out += k;
        n -= k;
        f->pos += k;
        *got += k;
    }
    return 0;
}

/* write n bytes from src (NULL: zeros) at the position */
static int write_bytes(mt_fat_file_t *f, const uint8_t *src, uint32_t n, uint32_t *put) {
    mt_fat_t *v = f->vol;
    while (n > 0) {
        uint32_t k = f->pos / v->clus_bytes, c, in = f->pos % v->clus_bytes, uoff = f->pos % UNIT;
        int r = k >= f->c_count + pending_clusters(f) ? grow(f) : 0;
        if (!r) r = clus_at(f, k, &c);
        if (r) return r;
        uint32_t unit = mt_fat_clus_unit(v, c) + in / UNIT, bytes;
        if (src && uoff == 0 && n >= UNIT) {
            uint32_t m = n / UNIT, room = v->spc - in / UNIT;
            if (m > room) m = room;
            mt_fat_data_forget(v, unit, m);
            r = v->dev->ops->write(v->dev, unit, src, m, MT_BDEV_DATA);
            bytes = m * UNIT;
        } else {
            bytes = UNIT - uoff < n ? UNIT - uoff : n;
            r = data_load(v, unit, f->pos - uoff < f->size);
            if (!r && src)
                memcpy(v->data.data + uoff, src, bytes);
            else if (!r)
                memset(v->data.data + uoff, 0, bytes);
            v->data.dirty = !r;
        }
        if (r) return r;
        if (src) src += bytes;
        n -= bytes;
        f->pos += bytes;
        *put += bytes;
        if (f->pos > f->size) f->size = f->pos;
        f->dirty = true;
    }
    return 0;
}

int mt_fat_write(mt_fat_file_t *f, const void *buf, uint32_t n, uint32_t *put) {
    *put = 0;
    int r = check_open(f);
    if (r) return r;
    if (!(f->flags & MT_FAT_O_WRITE)) return MT_FS_EBADF;
    if (f->vol->readonly) return MT_FS_EROFS;
    if (f->flags & MT_FAT_O_APPEND) f->pos = f->size;
    if ((uint64_t)f->pos + n > UINT32_MAX) return MT_FS_EFBIG;
    if (n == 0) return 0;
    f->dirty = true; /* the modification time changes */
    if (f->pos > f->size) {
        uint32_t pos = f->pos, zeros = 0;
        f->pos = f->size;
        r = write_bytes(f, NULL, pos - f->size, &zeros);
        if (r) return r;
    }
    return write_bytes(f, buf, n, put);
}

int mt_fat_seek(mt_fat_file_t *f, uint32_t pos) {
    int r = check_open(f);
    if (!r) f->pos = pos;
    return r;
}

int mt_fat_truncate(mt_fat_file_t *f, uint32_t size) {
    int r = check_open(f);
    if (r) return r;
    mt_fat_t *v = f->vol;
    if (!(f->flags & MT_FAT_O_WRITE)) return MT_FS_EBADF;
    if (v->readonly) return MT_FS_EROFS;
    if (size >= f->size) {
        uint32_t pos = f->pos, put = 0;
        f->pos = f->size;
        r = size > f->size ? write_bytes(f, NULL, size - f->size, &put) : 0;
        f->pos = pos;
        f->dirty = true;
        return r;
    }
    r = mt_fat_flush(f);
    if (r) return r;
    uint32_t keep = (uint32_t)(((uint64_t)size + v->clus_bytes - 1) / v->clus_bytes);
    mt_fat_raw_touch(f->loc.raw, false);
    r = mt_fat_shrink(v, &f->loc, keep, size, false);
    mt_fat_data_forget(v, 0, UINT32_MAX);
    f->cur_clus = f->cur_idx = 0;
    if (r) return r;
    f->size = size;
    f->c_count = keep;
    if (keep == 0) f->first = 0;
    f->c_last = 0;
    return keep ? clus_at(f, keep - 1, &f->c_last) : 0;
}

/* ---- open and close */

static int create(mt_fat_t *v, uint32_t parent, const char *name, mt_fat_loc_t *loc) {
    mt_fat_plan_t pl;
    if (strchr(name, '/')) return MT_FS_ENOENT; /* a directory on the way is missing */
    int r = mt_fat_entry_plan(v, parent, name, UINT32_MAX, &pl);
    if (!r) r = mt_fat_tx_begin(v);
    if (r) return r;
    uint8_t tmpl[32];
    memset(tmpl, 0, sizeof(tmpl));
    tmpl[11] = MT_FAT_ATTR_ARCH;
    mt_fat_raw_touch(tmpl, true);
    r = mt_fat_entry_write(v, &pl, tmpl, loc);
    return mt_fat_tx_end(v, r);
}

/* the handles of this file that must go before it is opened with these flags */
static int settle_others(mt_fat_t *v, const mt_fat_loc_t *loc, int flags, bool *any) {
    *any = false;
    for (mt_fat_file_t *g = FIRST(v); g; g = NEXT(g)) {
        if (!same_entry(&g->loc, loc) || !((flags | g->flags) & MT_FAT_O_WRITE)) continue;
        int r = mt_fat_flush(g);
        if (r) return r;
        *any = true;
    }
    if (*any) mt_fat_files_detach(v, loc);
    return 0;
}

int mt_fat_open(mt_fat_t *v, mt_fat_file_t *f, const char *path, int flags) {
    mt_fat_loc_t loc;
    uint32_t parent;
    const char *name;
    bool writes = flags & (MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_TRUNC | MT_FAT_O_APPEND);
    memset(f, 0, sizeof(*f));
    f->detached = true;
    if (writes && v->readonly) return MT_FS_EROFS;
    int r = mt_fat_lookup(v, path, &loc, &parent, &name);
    if (r == MT_FS_ENOENT && (flags & MT_FAT_O_CREATE)) {
        r = create(v, parent, name, &loc);
    } else if (!r) {
        bool others;
        if ((flags & MT_FAT_O_CREATE) && (flags & MT_FAT_O_EXCL)) return MT_FS_EEXIST;
        if (loc.n_ent == 0 || mt_fat_loc_is_dir(&loc)) return MT_FS_EISDIR;
        if (writes && (loc.raw[11] & MT_FAT_ATTR_RO)) return MT_FS_EACCES;
        r = settle_others(v, &loc, flags, &others);
        if (!r && others) r = mt_fat_lookup(v, path, &loc, &parent, &name);
    }
    if (r) return r;
    f->vol = v;
    f->loc = loc;
    f->flags = (uint8_t)flags;
    f->first = mt_fat_loc_clus(&loc) & (v->type == 32 ? 0x0fffffff : 0xffff);
    f->size = mt_fat_loc_size(&loc);
    r = f->first ? mt_fat_chain(v, f->first, &f->c_count, &f->c_last) : 0;
    if (r) return r;
    if ((uint64_t)f->c_count * v->clus_bytes < f->size) f->size = f->c_count * v->clus_bytes;
    f->detached = false;
    f->next = v->files;
    v->files = mt_fat_mask(f);
    if ((flags & MT_FAT_O_TRUNC) && (f->size || f->first)) r = mt_fat_truncate(f, 0);
    if (flags & MT_FAT_O_TRUNC) f->dirty = true;
    if (r) unlink_file(f);
    return r;
}

int mt_fat_close(mt_fat_file_t *f) {
    if (f->detached || !f->vol) return 0;
    int r = f->vol->readonly ? 0 : mt_fat_flush(f);
    unlink_file(f);
    return r;
}
