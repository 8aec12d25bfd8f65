/* The journaled flash block device (see journal.h and docs/filesystem.md).
 *
 * Record (16 bytes, little-endian): magic u16 'MJ', type u8, 0 u8, seq u32 (the bank's
 * generation for BANK), arg u32, crc u32 = CRC-32 of the first 12 bytes and the payload.
 * STAGE records carry a 512-byte payload; the others none. The records of one operation
 * share a seq; the next operation uses seq + 1:
 *   direct block rewrite:  SHADOW(block) DONE
 *   transaction:           STAGE(unit)... COMMIT(n) [SHADOW(block) SCLEAR]... DONE
 * Invariant: S holds a valid image exactly when the last valid record is a SHADOW (a record
 * is appended after every copy-back before S is erased again).
 * Records are appended header first; a torn record fails its CRC and ends the log ("dirty
 * tail": the bank is switched before anything is appended again). A bank switch (erase the
 * other bank, write its BANK header with generation + 1) happens only when no committed work
 * is pending; the staged records of an open transaction are carried over. */
#include <string.h>

#include "journal.h"
#include "lib.h"
#include "obj.h"

enum { J_NONE, J_FRESH, J_READY };
enum { R_BANK = 1, R_STAGE, R_COMMIT, R_SHADOW, R_SCLEAR, R_DONE, R_LAST = R_DONE };
enum { S_KEEP, S_MEM, S_FLASH, S_ERASED };

#define MAGIC      0x4a4d
#define HDR        16
#define UNIT       MT_BDEV_UNIT
#define BLK        MT_FLASH_SECTOR
#define UPB        MT_UNITS_PER_BLOCK
#define CHUNK      128
#define STAGE_LEN  (HDR + UNIT)
#define TX_RESERVE (HDR * (2 + 2 * MT_JOURNAL_TX_MAX))
#define NO_UNIT    UINT32_MAX

/* where the new content of one unit of a block comes from */
typedef struct {
    uint8_t kind; /* S_KEEP: unchanged; S_MEM: mem; S_FLASH: flash at off; S_ERASED */
    const uint8_t *mem;
    uint32_t off;
} src_t;

static void put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static void put32(uint8_t *p, uint32_t v) {
    put16(p, v);
    put16(p + 2, v >> 16);
}
static uint32_t get16(const uint8_t *p) {
    return p[0] | (uint32_t)p[1] << 8;
}
static uint32_t get32(const uint8_t *p) {
    return get16(p) | get16(p + 2) << 16;
}

static bool all_ff(const uint8_t *p, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (p[i] != 0xff) return false;
    return true;
}

static uint32_t bank_base(const mt_jbdev_t *j, unsigned b) {
    return (j->jblock + 1 + b) * BLK;
}
static uint32_t shadow_base(const mt_jbdev_t *j) {
    return j->jblock * BLK;
}

static int fread_(mt_jbdev_t *j, uint32_t off, void *buf, uint32_t n) {
    return mt_flash_uread(j->flash, off, buf, n);
}

static int src_read(mt_jbdev_t *j, const src_t *s, uint32_t pos, uint8_t *out, uint32_t n) {
    switch (s->kind) {
    case S_MEM: memcpy(out, s->mem + pos, n); return 0;
    case S_FLASH: return fread_(j, s->off + pos, out, n);
    default: memset(out, 0xff, n); return 0;
    }
}

/* program n bytes at off from s; chunks that are all 0xFF are skipped (already erased) */
static int program(mt_jbdev_t *j, uint32_t off, const src_t *s, uint32_t n) {
    uint8_t c[CHUNK];
    for (uint32_t pos = 0; pos < n; pos += CHUNK) {
        uint32_t k = n - pos < CHUNK ? n - pos : CHUNK;
        int r = src_read(j, s, pos, c, k);
        if (!r && !all_ff(c, k)) r = mt_flash_uwrite(j->flash, off + pos, c, k);
        if (r) return r;
    }
    return 0;
}

static int unit_is_erased(mt_jbdev_t *j, uint32_t off, bool *erased) {
    uint8_t c[CHUNK];
    *erased = true;
    for (uint32_t pos = 0; pos < UNIT && *erased; pos += CHUNK) {
        int r = fread_(j, off + pos, c, CHUNK);
        if (r) return r;
        *erased = all_ff(c, CHUNK);
    }
    return 0;
}

/* ---- records */

static uint32_t rec_len(unsigned type) {
    return type == R_STAGE ? STAGE_LEN : HDR;
}

/* append a record to the current bank (the caller made room) */
static int rec_append(mt_jbdev_t *j, unsigned type, uint32_t arg, const src_t *payload) {
    uint8_t h[HDR], c[CHUNK];
    put16(h, MAGIC);
    h[2] = (uint8_t)type;
    h[3] = 0;
    put32(h + 4, type == R_BANK ? j->gen : j->seq);
    put32(h + 8, arg);
    uint32_t crc = mt_crc32(0, h, 12);
    for (uint32_t pos = 0; payload && pos < UNIT; pos += CHUNK) {
        int r = src_read(j, payload, pos, c, CHUNK);
        if (r) return r;
        crc = mt_crc32(crc, c, CHUNK);
    }
    put32(h + 12, crc);
    uint32_t off = bank_base(j, j->bank) + j->wpos;
    int r = mt_flash_uwrite(j->flash, off, h, HDR);
    if (!r && payload) r = program(j, off + HDR, payload, UNIT);
    j->wpos += rec_len(type);
    return r;
}

/* Read the record at pos of bank b into h. *status: 0 valid, 1 end of log (erased header),
 * 2 invalid (torn or garbage). */
static int rec_read(mt_jbdev_t *j, unsigned b, uint32_t pos, uint8_t h[HDR], int *status) {
    uint8_t c[CHUNK];
    *status = 2;
    if (pos + HDR > BLK) return 0;
    int r = fread_(j, bank_base(j, b) + pos, h, HDR);
    if (r) return r;
    if (all_ff(h, HDR)) {
        *status = 1;
        return 0;
    }
    unsigned type = h[2];
    if (get16(h) != MAGIC || type < R_BANK || type > R_LAST || pos + rec_len(type) > BLK) {
        return 0;
    }
    uint32_t crc = mt_crc32(0, h, 12);
    for (uint32_t p = 0; type == R_STAGE && p < UNIT; p += CHUNK) {
        r = fread_(j, bank_base(j, b) + pos + HDR + p, c, CHUNK);
        if (r) return r;
        crc = mt_crc32(crc, c, CHUNK);
    }
    if (crc == get32(h + 12)) *status = 0;
    return 0;
}

/* does bank b start with a valid BANK record? its generation in *gen */
static bool bank_valid(mt_jbdev_t *j, unsigned b, uint32_t *gen) {
    uint8_t h[HDR];
    int status;
    if (rec_read(j, b, 0, h, &status) || status != 0 || h[2] != R_BANK) return false;
    *gen = get32(h + 4);
    return true;
}

/* start a fresh current bank: erase the other one and write its header. With carry, the
 * staged records of the open transaction move along (except unit `except`, which the caller
 * is about to stage again). */
static int switch_bank(mt_jbdev_t *j, bool carry, uint32_t except) {
    unsigned old = j->bank;
    int r = mt_flash_uerase(j->flash, bank_base(j, 1 - old));
    if (r) return r;
    j->bank = (uint8_t)(1 - old);
    j->gen++;
    j->wpos = 0;
    j->tail_dirty = false;
    r = rec_append(j, R_BANK, 0, NULL);
    unsigned n = 0;
    for (unsigned k = 0; carry && !r && k < j->n_staged; k++) {
        if (j->staged[k].unit == except) continue;
        src_t s = {S_FLASH, NULL, bank_base(j, old) + j->staged[k].off + HDR};
        j->staged[n].unit = j->staged[k].unit;
        j->staged[n].off = j->wpos;
        r = rec_append(j, R_STAGE, j->staged[k].unit, &s);
        n++;
    }
    j->n_staged = (uint8_t)(carry ? n : 0);
    return r;
}

/* room for `need` more bytes in the current bank (switching, carrying staged records) */
static int ensure_room(mt_jbdev_t *j, uint32_t need, uint32_t except) {
    if (!j->tail_dirty && BLK - j->wpos >= need) return 0;
    return switch_bank(j, j->in_tx, except);
}

static int journal_start(mt_jbdev_t *j) {
    int r = mt_flash_uerase(j->flash, bank_base(j, 0));
    if (r) return r;
    j->bank = 0;
    j->gen = 1;
    j->wpos = 0;
    j->seq = 1;
    j->tail_dirty = false;
    j->mode = J_READY;
    return rec_append(j, R_BANK, 0, NULL);
}

/* is the journal in use? (a fresh one is started here when the volume leaves room) */
static int use_journal(mt_jbdev_t *j, bool *yes) {
    *yes = false;
    if (j->mode == J_FRESH && j->vol_units && j->vol_units <= j->jblock * UPB) {
        int r = journal_start(j);
        if (r) return r;
    }
    *yes = j->mode == J_READY;
    return 0;
}

/* ---- rewriting one erase block */

static int copy_back(mt_jbdev_t *j, uint32_t blk) {
    int r = mt_flash_uerase(j->flash, blk * BLK);
    src_t s = {S_FLASH, NULL, shadow_base(j)};
    return r ? r : program(j, blk * BLK, &s, BLK);
}

/* the block's new image through S: power-safe */
static int shadow_update(mt_jbdev_t *j, uint32_t blk, const src_t *nw, const bool *keep) {
    int r = j->in_tx ? 0 : ensure_room(j, 2 * HDR, NO_UNIT);
    if (!r) r = mt_flash_uerase(j->flash, shadow_base(j));
    for (unsigned i = 0; i < UPB && !r; i++) {
        src_t old = {S_FLASH, NULL, blk * BLK + i * UNIT};
        const src_t *s = nw[i].kind != S_KEEP ? &nw[i] : keep[i] ? &old : NULL;
        if (s) r = program(j, shadow_base(j) + i * UNIT, s, UNIT);
    }
    if (!r) r = rec_append(j, R_SHADOW, blk, NULL);
    if (!r) r = copy_back(j, blk);
    if (!r) r = rec_append(j, j->in_tx ? R_SCLEAR : R_DONE, blk, NULL);
    if (!j->in_tx) j->seq++;
    return r;
}

/* the block's new image through a RAM buffer: no journal, not power-safe */
static int rmw_update(mt_jbdev_t *j, uint32_t blk, const src_t *nw, const bool *keep) {
    if (j->rmw == NULL) j->rmw = mt_alloc_maybe(BLK);
    if (j->rmw == NULL) return MT_FS_ENOMEM;
    int r = 0;
    for (unsigned i = 0; i < UPB && !r; i++) {
        src_t old = {S_FLASH, NULL, blk * BLK + i * UNIT};
        const src_t *s = nw[i].kind != S_KEEP ? &nw[i] : keep[i] ? &old : NULL;
        if (s)
            r = src_read(j, s, 0, j->rmw + i * UNIT, UNIT);
        else
            memset(j->rmw + i * UNIT, 0xff, UNIT);
    }
    if (!r) r = mt_flash_uerase(j->flash, blk * BLK);
    src_t s = {S_MEM, j->rmw, 0};
    return r ? r : program(j, blk * BLK, &s, BLK);
}

/* compare unit i's flash content with its new content: can it be programmed in place
 * (*ok), and does it change at all (*changed)? */
static int check_unit(mt_jbdev_t *j, uint32_t off, const src_t *s, bool *ok, bool *changed) {
    uint8_t o[CHUNK], n[CHUNK];
    for (uint32_t pos = 0; pos < UNIT; pos += CHUNK) {
        int r = fread_(j, off + pos, o, CHUNK);
        if (!r) r = src_read(j, s, pos, n, CHUNK);
        if (r) return r;
        for (unsigned b = 0; b < CHUNK; b++) {
            if ((o[b] & n[b]) != n[b]) *ok = false;
            if (o[b] != n[b]) *changed = true;
        }
    }
    return 0;
}

/* Give erase block blk the new content nw[0..UPB) (S_KEEP units keep theirs), erasing only
 * if needed and then keeping only the units that matter (use_free: ask bdev.is_free). */
static int block_update(mt_jbdev_t *j, uint32_t blk, const src_t *nw, bool use_free) {
    bool in_place = true, changed[UPB] = {false}, keep[UPB] = {false}, any_keep = false;
    uint32_t base = blk * BLK;
    for (unsigned i = 0; i < UPB; i++) {
        int r = nw[i].kind == S_KEEP
                    ? 0
                    : check_unit(j, base + i * UNIT, &nw[i], &in_place, &changed[i]);
        if (r) return r;
    }
    if (in_place) {
        for (unsigned i = 0; i < UPB; i++) {
            int r = changed[i] ? program(j, base + i * UNIT, &nw[i], UNIT) : 0;
            if (r) return r;
        }
        return 0;
    }
    for (unsigned i = 0; i < UPB; i++) {
        if (nw[i].kind != S_KEEP) continue;
        uint32_t unit = blk * UPB + i;
        bool erased;
        if (use_free && j->bdev.is_free && j->bdev.is_free(j->bdev.is_free_ctx, unit)) continue;
        int r = unit_is_erased(j, base + i * UNIT, &erased);
        if (r) return r;
        keep[i] = !erased;
        any_keep |= keep[i];
    }
    if (!any_keep) {
        int r = mt_flash_uerase(j->flash, base);
        for (unsigned i = 0; i < UPB && !r; i++) {
            if (nw[i].kind != S_KEEP) r = program(j, base + i * UNIT, &nw[i], UNIT);
        }
        return r;
    }
    bool journal;
    int r = use_journal(j, &journal);
    if (r) return r;
    return journal ? shadow_update(j, blk, nw, keep) : rmw_update(j, blk, nw, keep);
}

/* apply the staged units of the transaction to their blocks */
static int apply_staged(mt_jbdev_t *j, bool use_free) {
    uint32_t done_blk = UINT32_MAX;
    for (;;) {
        /* the smallest block above the last one done */
        uint32_t blk = UINT32_MAX;
        for (unsigned k = 0; k < j->n_staged; k++) {
            uint32_t b = j->staged[k].unit / UPB;
            if ((done_blk == UINT32_MAX || b > done_blk) && b < blk) blk = b;
        }
        if (blk == UINT32_MAX) return 0;
        src_t nw[UPB];
        memset(nw, 0, sizeof(nw));
        for (unsigned k = 0; k < j->n_staged; k++) {
            if (j->staged[k].unit / UPB != blk) continue;
            src_t *s = &nw[j->staged[k].unit % UPB];
            s->kind = S_FLASH;
            s->off = bank_base(j, j->bank) + j->staged[k].off + HDR;
        }
        int r = block_update(j, blk, nw, use_free);
        if (r) return r;
        done_blk = blk;
    }
}

static unsigned staged_blocks(const mt_jbdev_t *j) {
    unsigned n = 0;
    for (unsigned k = 0; k < j->n_staged; k++) {
        bool first = true;
        for (unsigned m = 0; m < k; m++) {
            if (j->staged[m].unit / UPB == j->staged[k].unit / UPB) first = false;
        }
        n += first;
    }
    return n;
}

/* ---- mount: scan the current bank and finish what was cut */

typedef struct {
    bool any, committed, done, bad;
    uint32_t seq;
    unsigned last_type;
    uint32_t last_arg;
} scan_t;

static void scan_record(mt_jbdev_t *j, scan_t *s, const uint8_t *h, uint32_t pos) {
    uint32_t seq = get32(h + 4), arg = get32(h + 8);
    if (!s->any || seq != s->seq) {
        memset(s, 0, sizeof(*s));
        s->any = true;
        s->seq = seq;
        j->n_staged = 0;
    }
    if (h[2] == R_STAGE) {
        unsigned k = 0;
        while (k < j->n_staged && j->staged[k].unit != arg) k++;
        if (arg >= j->jblock * UPB || (k == j->n_staged && k == MT_JOURNAL_TX_MAX)) {
            s->bad = true;
        } else {
            j->staged[k].unit = arg;
            j->staged[k].off = pos;
            if (k == j->n_staged) j->n_staged++;
        }
    }
    s->committed |= h[2] == R_COMMIT;
    s->done |= h[2] == R_DONE;
    s->last_type = h[2];
    s->last_arg = arg;
}

static int scan(mt_jbdev_t *j, scan_t *s) {
    uint8_t h[HDR], c[CHUNK];
    uint32_t pos = HDR;
    memset(s, 0, sizeof(*s));
    for (;;) {
        int status, r = rec_read(j, j->bank, pos, h, &status);
        if (r) return r;
        if (status == 1) {
            for (uint32_t p = pos; p < BLK && !j->tail_dirty; p += CHUNK) {
                uint32_t k = BLK - p < CHUNK ? BLK - p : CHUNK;
                r = fread_(j, bank_base(j, j->bank) + p, c, k);
                if (r) return r;
                j->tail_dirty = !all_ff(c, k);
            }
            break;
        }
        if (status == 2 || h[2] == R_BANK) {
            j->tail_dirty = pos < BLK;
            break;
        }
        scan_record(j, s, h, pos);
        pos += rec_len(h[2]);
    }
    j->wpos = pos;
    return 0;
}

static int replay(mt_jbdev_t *j) {
    scan_t s;
    int r = scan(j, &s);
    if (r) return r;
    bool tx = s.any && s.committed && !s.done && !s.bad;
    bool shadow = s.any && s.last_type == R_SHADOW && s.last_arg < j->jblock;
    j->seq = s.seq;
    if (shadow || tx) j->n_replayed++;
    if (shadow) r = copy_back(j, s.last_arg);
    if (tx) {
        /* room for SCLEAR, a SHADOW and SCLEAR per block, DONE; else redo it in a new bank */
        j->in_tx = true;
        if (!r && (j->tail_dirty || BLK - j->wpos < HDR * (2 + 2 * staged_blocks(j)))) {
            r = switch_bank(j, true, NO_UNIT);
            if (!r) r = rec_append(j, R_COMMIT, j->n_staged, NULL);
        } else if (!r && shadow) {
            r = rec_append(j, R_SCLEAR, s.last_arg, NULL);
        }
        if (!r) r = apply_staged(j, false);
        if (!r) r = rec_append(j, R_DONE, 0, NULL);
        j->in_tx = false;
    } else if (!r && (shadow || j->tail_dirty)) {
        bool room = !j->tail_dirty && BLK - j->wpos >= HDR;
        r = room ? rec_append(j, R_DONE, 0, NULL) : switch_bank(j, false, NO_UNIT);
    }
    j->n_staged = 0;
    j->seq = s.seq + 1;
    return r;
}

/* ---- the bdev operations */

static mt_jbdev_t *jb(mt_bdev_t *d) {
    return (mt_jbdev_t *)d;
}

static int staged_index(const mt_jbdev_t *j, uint32_t unit) {
    for (unsigned k = 0; k < j->n_staged; k++)
        if (j->staged[k].unit == unit) return (int)k;
    return -1;
}

static int jb_read(mt_bdev_t *d, uint32_t unit, uint8_t *buf, uint32_t n) {
    mt_jbdev_t *j = jb(d);
    if (unit > d->n_units || n > d->n_units - unit) return MT_FS_EINVAL;
    while (n > 0) {
        int k = j->in_tx ? staged_index(j, unit) : -1;
        uint32_t run = 1;
        int r;
        if (k >= 0) {
            r = fread_(j, bank_base(j, j->bank) + j->staged[k].off + HDR, buf, UNIT);
        } else {
            while (run < n && (!j->in_tx || staged_index(j, unit + run) < 0)) run++;
            r = fread_(j, unit * UNIT, buf, run * UNIT);
        }
        if (r) return r;
        unit += run;
        buf += run * UNIT;
        n -= run;
    }
    return 0;
}

static int jb_read_part(mt_bdev_t *d, uint32_t unit, uint32_t off, uint8_t *buf, uint32_t n) {
    mt_jbdev_t *j = jb(d);
    if (unit >= d->n_units || off > UNIT || n > UNIT - off) return MT_FS_EINVAL;
    int k = j->in_tx ? staged_index(j, unit) : -1;
    uint32_t base = k >= 0 ? bank_base(j, j->bank) + j->staged[k].off + HDR : unit * UNIT;
    return fread_(j, base + off, buf, n);
}

static int stage(mt_jbdev_t *j, uint32_t unit, const uint8_t *data) {
    int k = staged_index(j, unit);
    if (k < 0 && j->n_staged == MT_JOURNAL_TX_MAX) return MT_FS_EFBIG;
    if (j->tail_dirty || BLK - j->wpos < STAGE_LEN + TX_RESERVE) {
        int r = switch_bank(j, true, k >= 0 ? unit : NO_UNIT);
        if (r) return r;
        k = -1; /* the old copy of this unit was left behind */
    }
    src_t s = {S_MEM, data, 0};
    uint32_t off = j->wpos;
    int r = rec_append(j, R_STAGE, unit, &s);
    if (k < 0) k = j->n_staged++;
    j->staged[k].unit = unit;
    j->staged[k].off = off;
    return r;
}

/* rewrite units [unit, unit+n) block by block; data NULL: make them erased */
static int update_range(mt_jbdev_t *j, uint32_t unit, const uint8_t *data, uint32_t n) {
    while (n > 0) {
        uint32_t blk = unit / UPB, first = unit % UPB;
        uint32_t k = UPB - first < n ? UPB - first : n;
        src_t nw[UPB];
        memset(nw, 0, sizeof(nw));
        for (uint32_t i = 0; i < k; i++) {
            nw[first + i].kind = data ? S_MEM : S_ERASED;
            nw[first + i].mem = data ? data + i * UNIT : NULL;
        }
        int r = block_update(j, blk, nw, true);
        if (r) return r;
        unit += k;
        n -= k;
        if (data) data += k * UNIT;
    }
    return 0;
}

static int check_write(mt_jbdev_t *j, uint32_t unit, uint32_t n) {
    uint32_t limit = j->mode == J_NONE ? j->bdev.n_units : j->jblock * UPB;
    if (unit > limit || n > limit - unit) return MT_FS_EINVAL;
    return 0;
}

static int jb_write(mt_bdev_t *d, uint32_t unit, const uint8_t *buf, uint32_t n, int kind) {
    mt_jbdev_t *j = jb(d);
    int r = check_write(j, unit, n);
    if (r) return r;
    if (kind == MT_BDEV_META) {
        bool journal;
        if (!j->in_tx) return MT_FS_EINVAL;
        r = use_journal(j, &journal);
        if (r || !journal) return r ? r : update_range(j, unit, buf, n);
        for (uint32_t i = 0; i < n && !r; i++) r = stage(j, unit + i, buf + i * UNIT);
        return r;
    }
    return j->in_tx ? MT_FS_EINVAL : update_range(j, unit, buf, n);
}

static int jb_prepare(mt_bdev_t *d, uint32_t unit, uint32_t n) {
    mt_jbdev_t *j = jb(d);
    int r = check_write(j, unit, n);
    return r ? r : j->in_tx ? MT_FS_EINVAL : update_range(j, unit, NULL, n);
}

static int jb_tx_begin(mt_bdev_t *d) {
    mt_jbdev_t *j = jb(d);
    if (j->in_tx) return MT_FS_EINVAL;
    j->in_tx = true;
    j->n_staged = 0;
    return 0;
}

static int jb_tx_commit(mt_bdev_t *d) {
    mt_jbdev_t *j = jb(d);
    if (!j->in_tx) return MT_FS_EINVAL;
    int r = 0;
    if (j->mode == J_READY && j->n_staged > 0) {
        r = ensure_room(j, HDR * (2 + 2 * staged_blocks(j)), NO_UNIT);
        if (!r) r = rec_append(j, R_COMMIT, j->n_staged, NULL);
        if (!r) r = apply_staged(j, true);
        if (!r) r = rec_append(j, R_DONE, 0, NULL);
        if (r) j->mode = J_NONE; /* an I/O error: the next mount finishes the transaction */
    }
    j->in_tx = false;
    j->n_staged = 0;
    j->seq++;
    return r;
}

static void jb_tx_abort(mt_bdev_t *d) {
    mt_jbdev_t *j = jb(d);
    j->in_tx = false;
    j->n_staged = 0;
    j->seq++;
}

static int jb_sync(mt_bdev_t *d) {
    return mt_flash_sync(jb(d)->flash);
}

static const mt_bdev_ops_t jb_ops = {jb_read,      jb_write,    jb_prepare, jb_tx_begin,
                                     jb_tx_commit, jb_tx_abort, jb_sync,    jb_read_part};

/* ---- set-up */

int mt_jbdev_open(mt_jbdev_t *j, mt_flash_t *f) {
    memset(j, 0, sizeof(*j));
    j->bdev.ops = &jb_ops;
    j->flash = f;
    j->n_blocks = f->user_size / BLK;
    j->bdev.n_units = j->n_blocks * UPB;
    j->bdev.tx_max = MT_JOURNAL_TX_MAX;
    j->seq = 1;
    if (j->n_blocks < MT_JOURNAL_BLOCKS + 2) {
        j->mode = J_NONE;
        return 0;
    }
    j->jblock = j->n_blocks - MT_JOURNAL_BLOCKS;
    uint32_t g0 = 0, g1 = 0;
    bool v0 = bank_valid(j, 0, &g0), v1 = bank_valid(j, 1, &g1);
    if (!v0 && !v1) {
        j->mode = J_FRESH;
        return 0;
    }
    j->bank = v0 && (!v1 || g0 >= g1) ? 0 : 1;
    j->gen = j->bank ? g1 : g0;
    j->mode = J_READY;
    return replay(j);
}

uint32_t mt_jbdev_volume_max(const mt_jbdev_t *j) {
    return j->n_blocks >= MT_JOURNAL_BLOCKS + 2 ? j->jblock * UPB : j->bdev.n_units;
}

void mt_jbdev_set_volume(mt_jbdev_t *j, uint32_t vol_units) {
    j->vol_units = vol_units;
    if (j->mode != J_NONE && vol_units > j->jblock * UPB) j->mode = J_NONE;
}

int mt_jbdev_format(mt_jbdev_t *j) {
    if (j->n_blocks < MT_JOURNAL_BLOCKS + 2) return MT_FS_ENOSPC;
    j->jblock = j->n_blocks - MT_JOURNAL_BLOCKS;
    for (unsigned b = 0; b < MT_JOURNAL_BLOCKS; b++) {
        int r = mt_flash_uerase(j->flash, (j->jblock + b) * BLK);
        if (r) return r;
    }
    j->in_tx = false;
    j->n_staged = 0;
    j->vol_units = 0;
    int r = journal_start(j);
    j->mode = J_READY;
    return r;
}

bool mt_jbdev_is_safe(const mt_jbdev_t *j) {
    return j->mode == J_READY ||
           (j->mode == J_FRESH && j->vol_units && j->vol_units <= j->jblock * UPB);
}
