/* FAT volumes: mounting (boot sector / BPB), the unit cache, transactions, the FAT table,
 * cluster allocation and free space. Written from Microsoft's FAT specification. */
#include "fat_int.h"

uint32_t (*mt_fat_now)(void);

/* ---- time */

uint32_t mt_fat_timestamp(void) {
    return mt_fat_now ? mt_fat_now() : (uint32_t)((20 << 9) | (1 << 5) | 1) << 16;
}

/* days from 1970-01-01 to y-m-d (proleptic Gregorian) */
static int32_t days_from_civil(int32_t y, uint32_t m, uint32_t d) {
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    uint32_t yoe = (uint32_t)(y - era * 400);
    uint32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

uint32_t mt_fat_loc_mtime(const mt_fat_loc_t *l) {
    uint32_t date = mt_get16(l->raw + 24), time = mt_get16(l->raw + 22);
    uint32_t m = (date >> 5) & 15, d = date & 31;
    if (m < 1 || m > 12 || d < 1) return 315532800; /* 1980-01-01 */
    int32_t days = days_from_civil(1980 + (int32_t)(date >> 9), m, d);
    return (uint32_t)days * 86400u + (time >> 11) * 3600 + ((time >> 5) & 63) * 60 +
           (time & 31) * 2;
}

/* ---- the unit cache */

static bool is_fat_unit(const mt_fat_t *v, uint32_t unit) {
    return unit >= v->fat_start && unit < v->fat_start + v->fat_units;
}

/* a FAT unit is written to every copy of the FAT */
static int write_back(mt_fat_t *v, mt_fat_buf_t *b) {
    unsigned copies = is_fat_unit(v, b->unit) ? v->n_fats : 1;
    for (unsigned k = 0; k < copies; k++) {
        int r = v->dev->ops->write(v->dev, b->unit + k * v->fat_units, b->data, 1, MT_BDEV_META);
        if (r) return r;
    }
    b->dirty = false;
    return 0;
}

int mt_fat_meta_get(mt_fat_t *v, uint32_t unit, uint8_t **p) {
    mt_fat_buf_t *victim = NULL;
    for (unsigned i = 0; i < MT_FAT_META_BUFS; i++) {
        mt_fat_buf_t *b = &v->meta[i];
        if (b->unit == unit) {
            b->stamp = ++v->tick;
            *p = b->data;
            return 0;
        }
        /* the least recently used, clean ones first */
        if (!victim || (victim->dirty && !b->dirty) ||
            (victim->dirty == b->dirty && b->stamp < victim->stamp)) {
            victim = b;
        }
    }
    if (unit >= v->dev->n_units) return MT_FS_EIO;
    if (victim->dirty) {
        int r = write_back(v, victim);
        if (r) return r;
    }
    victim->unit = NO_UNIT;
    int r = v->dev->ops->read(v->dev, unit, victim->data, 1);
    if (r) return r;
    victim->unit = unit;
    victim->stamp = ++v->tick;
    *p = victim->data;
    return 0;
}

static unsigned unit_cost(const mt_fat_t *v, uint32_t unit) {
    return is_fat_unit(v, unit) ? v->n_fats : 1;
}

static unsigned tx_cost(const mt_fat_t *v) {
    unsigned cost = 0;
    for (unsigned i = 0; i < v->tx_n; i++) cost += unit_cost(v, v->tx_units[i]);
    return cost;
}

static bool in_tx_units(const mt_fat_t *v, uint32_t unit) {
    for (unsigned i = 0; i < v->tx_n; i++)
        if (v->tx_units[i] == unit) return true;
    return false;
}

bool mt_fat_tx_fits(mt_fat_t *v, const uint32_t *units, unsigned n) {
    if (v->dev->tx_max == 0) return true;
    unsigned cost = tx_cost(v), count = v->tx_n;
    for (unsigned i = 0; i < n; i++) {
        bool seen = in_tx_units(v, units[i]);
        for (unsigned k = 0; k < i && !seen; k++) seen = units[k] == units[i];
        if (seen) continue;
        cost += unit_cost(v, units[i]);
        count++;
    }
    return cost <= v->dev->tx_max && count <= sizeof(v->tx_units) / sizeof(v->tx_units[0]);
}

int mt_fat_meta_dirty(mt_fat_t *v, uint32_t unit) {
    if (!v->in_tx) return MT_FS_EINVAL;
    if (v->dev->tx_max && !in_tx_units(v, unit)) {
        if (!mt_fat_tx_fits(v, &unit, 1)) return MT_FS_EFBIG;
        v->tx_units[v->tx_n++] = unit;
    }
    for (unsigned i = 0; i < MT_FAT_META_BUFS; i++) {
        if (v->meta[i].unit == unit) {
            v->meta[i].dirty = true;
            return 0;
        }
    }
    return MT_FS_EINVAL;
}

/* ---- transactions */

/* FAT32: FSInfo's free count and hint are set to "unknown" by the first change of a mount
 * (fsck.fat accepts that); umount writes the real values */
static int fsinfo_write(mt_fat_t *v, uint32_t free, uint32_t hint) {
    uint8_t *p;
    int r = mt_fat_meta_get(v, v->fsinfo, &p);
    if (r) return r;
    mt_put32(p + 488, free);
    mt_put32(p + 492, hint);
    return mt_fat_meta_dirty(v, v->fsinfo);
}

int mt_fat_tx_begin(mt_fat_t *v) {
    if (v->readonly) return MT_FS_EROFS;
    if (v->in_tx) return MT_FS_EINVAL;
    int r = mt_fat_data_flush(v);
    if (!r && v->dev->ops->tx_begin) r = v->dev->ops->tx_begin(v->dev);
    if (r) return r;
    v->in_tx = true;
    v->tx_n = 0;
    if (v->fsinfo && !v->fsinfo_dirty) {
        r = fsinfo_write(v, UINT32_MAX, UINT32_MAX);
        if (r) return mt_fat_tx_end(v, r);
        v->fsinfo_dirty = true;
    }
    return 0;
}

int mt_fat_tx_end(mt_fat_t *v, int r) {
    for (unsigned i = 0; i < MT_FAT_META_BUFS && !r; i++) {
        if (v->meta[i].dirty) r = write_back(v, &v->meta[i]);
    }
    bool committed = false;
    if (!r && v->dev->ops->tx_commit) {
        r = v->dev->ops->tx_commit(v->dev);
        committed = true;
    }
    if (r) {
        /* what the cache holds may not be on the medium: read it again */
        for (unsigned i = 0; i < MT_FAT_META_BUFS; i++) {
            if (v->meta[i].dirty || committed) v->meta[i].unit = NO_UNIT;
            v->meta[i].dirty = false;
        }
        if (!committed && v->dev->ops->tx_abort) v->dev->ops->tx_abort(v->dev);
        if (v->fsinfo_dirty && !committed) v->fsinfo_dirty = v->fsinfo == 0;
        v->free = UINT32_MAX;
    }
    v->in_tx = false;
    v->tx_n = 0;
    return r;
}

/* ---- the FAT */

bool mt_fat_clus_ok(const mt_fat_t *v, uint32_t c) {
    return c >= 2 && c <= v->n_clusters + 1;
}

uint32_t mt_fat_eoc(const mt_fat_t *v) {
    return v->type == 12 ? 0xfff : v->type == 16 ? 0xffff : 0x0fffffff;
}

static bool is_eoc(const mt_fat_t *v, uint32_t val) {
    return val >= (v->type == 12 ? 0xff8u : v->type == 16 ? 0xfff8u : 0x0ffffff8u);
}

static uint32_t entry_offset(const mt_fat_t *v, uint32_t c) {
    return v->type == 12 ? c + c / 2 : v->type == 16 ? c * 2 : c * 4;
}

static unsigned entry_size(const mt_fat_t *v) {
    return v->type == 32 ? 4 : 2;
}

unsigned mt_fat_entry_units(const mt_fat_t *v, uint32_t c, uint32_t units[2]) {
    uint32_t off = entry_offset(v, c);
    units[0] = v->fat_start + off / UNIT;
    units[1] = v->fat_start + (off + entry_size(v) - 1) / UNIT;
    return units[1] != units[0] ? 2 : 1;
}

/* the bytes of FAT entry c, little-endian, via the cache */
static int entry_read(mt_fat_t *v, uint32_t c, uint32_t *raw) {
    uint32_t off = entry_offset(v, c), val = 0;
    for (unsigned i = 0; i < entry_size(v); i++) {
        uint8_t *p;
        int r = mt_fat_meta_get(v, v->fat_start + (off + i) / UNIT, &p);
        if (r) return r;
        val |= (uint32_t)p[(off + i) % UNIT] << (8 * i);
    }
    *raw = val;
    return 0;
}

static uint32_t entry_value(const mt_fat_t *v, uint32_t c, uint32_t raw) {
    if (v->type == 12) return c & 1 ? raw >> 4 : raw & 0xfff;
    return v->type == 16 ? raw & 0xffff : raw & 0x0fffffff;
}

int mt_fat_get(mt_fat_t *v, uint32_t c, uint32_t *val) {
    uint32_t raw;
    if (!mt_fat_clus_ok(v, c)) return MT_FS_EIO;
    int r = entry_read(v, c, &raw);
    if (!r) *val = entry_value(v, c, raw);
    return r;
}

int mt_fat_set(mt_fat_t *v, uint32_t c, uint32_t val) {
    uint32_t raw;
    if (!mt_fat_clus_ok(v, c)) return MT_FS_EIO;
    int r = entry_read(v, c, &raw);
    if (r) return r;
    if (v->type == 12) {
        raw = c & 1 ? (raw & 0x000f) | (val & 0xfff) << 4 : (raw & 0xf000) | (val & 0xfff);
    } else if (v->type == 16) {
        raw = val & 0xffff;
    } else {
        raw = (raw & 0xf0000000) | (val & 0x0fffffff); /* the top 4 bits are kept */
    }
    uint32_t off = entry_offset(v, c);
    for (unsigned i = 0; i < entry_size(v); i++) {
        uint8_t *p;
        uint32_t unit = v->fat_start + (off + i) / UNIT;
        r = mt_fat_meta_get(v, unit, &p);
        if (r) return r;
        p[(off + i) % UNIT] = (uint8_t)(raw >> (8 * i));
        r = mt_fat_meta_dirty(v, unit);
        if (r) return r;
    }
    return 0;
}

int mt_fat_next(mt_fat_t *v, uint32_t c, uint32_t *next) {
    uint32_t val;
    int r = mt_fat_get(v, c, &val);
    if (r) return r;
    if (is_eoc(v, val))
        val = 0;
    else if (!mt_fat_clus_ok(v, val))
        return MT_FS_EIO; /* free, bad or out of range */
    *next = val;
    return 0;
}

int mt_fat_chain(mt_fat_t *v, uint32_t first, uint32_t *len, uint32_t *last) {
    uint32_t n = 0, c = first, prev = 0;
    while (c) {
        if (++n > v->n_clusters) return MT_FS_EIO; /* a loop */
        prev = c;
        int r = mt_fat_next(v, c, &c);
        if (r) return r;
    }
    *len = n;
    *last = prev;
    return 0;
}

/* ---- free space */

static bool clus_free(mt_fat_t *v, uint32_t c, int *err) {
    uint32_t val;
    if (c == v->reserved || mt_fat_files_pending(v, c)) return false;
    *err = mt_fat_get(v, c, &val);
    return !*err && val == 0;
}

int mt_fat_alloc(mt_fat_t *v, uint32_t prefer, uint32_t *out) {
    int err = 0;
    if (mt_fat_clus_ok(v, prefer) && clus_free(v, prefer, &err)) {
        *out = prefer;
        return 0;
    }
    if (!mt_fat_clus_ok(v, v->hint)) v->hint = 2;
    for (uint32_t i = 0; i < v->n_clusters && !err; i++) {
        uint32_t c = 2 + (v->hint - 2 + i) % v->n_clusters;
        if (clus_free(v, c, &err)) {
            v->hint = c + 1;
            *out = c;
            return 0;
        }
    }
    return err ? err : MT_FS_ENOSPC;
}

int mt_fat_count_free(mt_fat_t *v) {
    if (v->free != UINT32_MAX) return 0;
    uint32_t n = 0;
    for (uint32_t c = 2; c <= v->n_clusters + 1; c++) {
        uint32_t val;
        int r = mt_fat_get(v, c, &val);
        if (r) return r;
        n += val == 0;
    }
    v->free = n;
    return 0;
}

int mt_fat_statvfs(mt_fat_t *v, uint32_t *clus_bytes, uint32_t *total, uint32_t *free) {
    int r = mt_fat_count_free(v);
    if (r) return r;
    uint32_t busy = mt_fat_files_pending_count(v) + (v->reserved != 0);
    *clus_bytes = v->clus_bytes;
    *total = v->n_clusters;
    *free = v->free > busy ? v->free - busy : 0;
    return 0;
}

/* ---- the data buffer */

int mt_fat_data_flush(mt_fat_t *v) {
    mt_fat_buf_t *b = &v->data;
    if (!b->dirty) return 0;
    int r = v->dev->ops->write(v->dev, b->unit, b->data, 1, MT_BDEV_DATA);
    if (r) return r;
    b->dirty = false;
    return 0;
}

void mt_fat_data_forget(mt_fat_t *v, uint32_t u, uint32_t n) {
    if (v->data.unit >= u && v->data.unit - u < n) {
        v->data.unit = NO_UNIT;
        v->data.dirty = false;
    }
}

int mt_fat_prepare(mt_fat_t *v, uint32_t c) {
    mt_fat_data_forget(v, mt_fat_clus_unit(v, c), v->spc);
    if (!v->dev->ops->prepare) return 0;
    return v->dev->ops->prepare(v->dev, mt_fat_clus_unit(v, c), v->spc);
}

/* ---- the device's question: may this unit be destroyed? */

/* bytes [off, off+n) of the first FAT without disturbing the cache (this runs inside device
 * operations started by the cache itself) */
static int peek_fat(mt_fat_t *v, uint32_t off, uint8_t *out, unsigned n) {
    for (unsigned i = 0; i < n; i++) {
        uint32_t unit = v->fat_start + (off + i) / UNIT;
        const uint8_t *p = NULL;
        for (unsigned k = 0; k < MT_FAT_META_BUFS && !p; k++) {
            if (v->meta[k].unit == unit) p = v->meta[k].data;
        }
        if (p) {
            out[i] = p[(off + i) % UNIT];
            continue;
        }
        int r;
        if (v->dev->ops->read_part) {
            r = v->dev->ops->read_part(v->dev, unit, (off + i) % UNIT, out + i, 1);
        } else {
            uint8_t buf[UNIT];
            r = v->dev->ops->read(v->dev, unit, buf, 1);
            out[i] = buf[(off + i) % UNIT];
        }
        if (r) return r;
    }
    return 0;
}

static bool unit_is_free(void *ctx, uint32_t unit) {
    mt_fat_t *v = ctx;
    if (unit >= v->vol_units) return true;
    if (unit < v->data_start) return false;
    uint32_t c = (unit - v->data_start) / v->spc + 2;
    if (c > v->n_clusters + 1) return true;
    if (c == v->reserved || mt_fat_files_pending(v, c)) return false;
    uint8_t b[4] = {0};
    if (peek_fat(v, entry_offset(v, c), b, entry_size(v))) return false;
    return entry_value(v, c, mt_get32(b)) == 0;
}

/* ---- mounting */

static bool pow2(uint32_t x) {
    return x && !(x & (x - 1));
}

static int parse_bpb(mt_fat_t *v, const uint8_t *b) {
    uint32_t bps = mt_get16(b + 11), spc = b[13], rsvd = mt_get16(b + 14), nf = b[16];
    uint32_t root_ent = mt_get16(b + 17), tot = mt_get16(b + 19), fatsz = mt_get16(b + 22);
    if (mt_get16(b + 510) != 0xaa55 || (b[0] != 0xeb && b[0] != 0xe9)) return MT_FS_ENODEV;
    if (bps < 512 || bps > 4096 || !pow2(bps) || !pow2(spc) || spc * bps > 65536) {
        return MT_FS_ENODEV;
    }
    if (tot == 0) tot = mt_get32(b + 32);
    if (fatsz == 0) fatsz = mt_get32(b + 36);
    uint32_t ratio = bps / UNIT, root_secs = (root_ent * 32 + bps - 1) / bps;
    if (rsvd == 0 || nf == 0 || nf > 4 || fatsz == 0 || tot == 0) return MT_FS_ENODEV;
    uint64_t meta = rsvd + (uint64_t)nf * fatsz + root_secs;
    if (meta >= tot || (uint64_t)tot * ratio > UINT32_MAX) return MT_FS_ENODEV;
    v->n_clusters = (uint32_t)((tot - meta) / spc);
    v->type = v->n_clusters < 4085 ? 12 : v->n_clusters < 65525 ? 16 : 32;
    uint64_t need =
        v->type == 12 ? (v->n_clusters + 2) * 3 / 2 : (uint64_t)(v->n_clusters + 2) * (v->type / 8);
    if (v->n_clusters == 0 || need > (uint64_t)fatsz * bps) return MT_FS_ENODEV;
    if ((v->type == 32) != (root_ent == 0) || (v->type == 32 && mt_get16(b + 22) != 0)) {
        return MT_FS_ENODEV;
    }
    v->n_fats = (uint8_t)nf;
    v->spc = (uint16_t)(spc * ratio);
    v->clus_bytes = spc * bps;
    v->vol_units = tot * ratio;
    v->fat_start = rsvd * ratio;
    v->fat_units = fatsz * ratio;
    v->root_start = v->fat_start + nf * v->fat_units;
    v->root_units = root_secs * ratio;
    v->data_start = v->root_start + v->root_units;
    const uint8_t *ext = b + (v->type == 32 ? 64 : 36);
    if (v->type == 32) {
        v->root_clus = mt_get32(b + 44);
        if (!mt_fat_clus_ok(v, v->root_clus)) return MT_FS_ENODEV;
        uint32_t fsi = mt_get16(b + 48);
        v->fsinfo = fsi && fsi < rsvd ? fsi * ratio : 0;
    }
    if (ext[2] == 0x29) {
        v->serial = mt_get32(ext + 3);
        memcpy(v->label, ext + 7, 11);
    } else {
        memcpy(v->label, "NO NAME    ", 11);
    }
    return 0;
}

static int read_fsinfo(mt_fat_t *v) {
    uint8_t *p;
    int r = mt_fat_meta_get(v, v->fsinfo, &p);
    if (r) return r;
    if (mt_get32(p) != 0x41615252 || mt_get32(p + 484) != 0x61417272) {
        v->fsinfo = 0;
        return 0;
    }
    uint32_t free = mt_get32(p + 488), hint = mt_get32(p + 492);
    if (free <= v->n_clusters) v->free = free;
    if (mt_fat_clus_ok(v, hint)) v->hint = hint;
    return 0;
}

/* ---- buffers */

void mt_fat_attach_bufs(mt_fat_t *v, uint8_t *mem) {
    for (unsigned i = 0; i < MT_FAT_META_BUFS; i++) {
        v->meta[i] = (mt_fat_buf_t){NO_UNIT, 0, false, mem ? mem + i * UNIT : NULL};
    }
    v->data = (mt_fat_buf_t){NO_UNIT, 0, false, mem ? mem + MT_FAT_META_BUFS * UNIT : NULL};
}

bool mt_fat_idle(const mt_fat_t *v) {
    if (v->files || v->in_tx || v->data.dirty) return false;
    for (unsigned i = 0; i < MT_FAT_META_BUFS; i++) {
        if (v->meta[i].dirty) return false;
    }
    return true;
}

void mt_fat_detach_bufs(mt_fat_t *v) {
    mt_fat_attach_bufs(v, NULL);
}

int mt_fat_mount(mt_fat_t *v, mt_bdev_t *dev, bool readonly) {
    uint8_t *mem = v->meta[0].data;
    memset(v, 0, sizeof(*v));
    mt_fat_attach_bufs(v, mem);
    v->dev = dev;
    v->readonly = readonly;
    v->free = UINT32_MAX;
    v->hint = 2;
    if (dev->n_units == 0) return MT_FS_ENODEV;
    if (!mem) return MT_FS_EINVAL;
    uint8_t *b;
    int r = mt_fat_meta_get(v, 0, &b);
    if (!r) r = parse_bpb(v, b);
    if (!r && v->vol_units > dev->n_units) r = MT_FS_EIO; /* a truncated image */
    if (!r && v->fsinfo) r = read_fsinfo(v);
    if (r) {
        v->dev = NULL;
        return r;
    }
    dev->is_free = unit_is_free;
    dev->is_free_ctx = v;
    return 0;
}

int mt_fat_sync(mt_fat_t *v) {
    int r = 0;
    for (mt_fat_file_t *f = mt_fat_unmask(v->files); f; f = mt_fat_unmask(f->next)) {
        int r2 = mt_fat_flush(f);
        if (!r) r = r2;
    }
    int r2 = mt_fat_data_flush(v);
    if (!r) r = r2;
    if (!r && v->dev->ops->sync) r = v->dev->ops->sync(v->dev);
    return r;
}

int mt_fat_umount(mt_fat_t *v) {
    if (!v->dev) return 0;
    int r = v->readonly ? 0 : mt_fat_sync(v);
    while (v->files) {
        mt_fat_file_t *f = mt_fat_unmask(v->files);
        f->detached = true;
        v->files = f->next;
        f->next = 0;
    }
    if (!r && v->fsinfo && v->fsinfo_dirty && v->free != UINT32_MAX) {
        r = mt_fat_tx_begin(v);
        if (!r) r = mt_fat_tx_end(v, fsinfo_write(v, v->free, v->hint));
    }
    if (!r && v->dev->ops->sync) r = v->dev->ops->sync(v->dev);
    if (v->dev->is_free_ctx == v) v->dev->is_free = NULL;
    v->dev = NULL;
    return r;
}

void mt_fat_label(const mt_fat_t *v, char *out) {
    unsigned n = 11;
    while (n > 0 && v->label[n - 1] == ' ') n--;
    for (unsigned i = 0; i < n; i++) out[i] = (char)(v->label[i] < 0x80 ? v->label[i] : '?');
    out[n] = 0;
}
