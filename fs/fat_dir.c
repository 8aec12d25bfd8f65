/* FAT directories: names (8.3 short names, VFAT long names), directory walking, path
 * lookup, creating and deleting entries, mkdir rmdir remove rename.
 *
 * A long name is stored as entries of 13 UTF-16 units each, in reverse order before its
 * short entry; each carries the checksum of the short name (spec: "LFN checksum"). A name
 * that is a valid 8.3 name in one case per part (README.TXT, boot.py) gets no long entries:
 * the lower-case flags of the short entry (byte 12, bits 3 and 4, as Windows NT sets them)
 * keep its case. Other names get a short alias made by the spec's "basis name" rules and,
 * when that is lossy or taken, a numeric tail ~N. */
#include "fat_int.h"

static const uint8_t lfn_pos[LFN_CHARS] = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

/* ---- names */

static uint16_t upcase(uint16_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7)) return c - 32;
    return c;
}

static bool name_char_bad(uint32_t c) {
    return c < 0x20 || (c < 0x80 && strchr("\"*/:<>?\\|", (int)c));
}

/* the path component at s (up to '/' or NUL), UTF-8 to UTF-16 in out[MT_FAT_NAME_MAX + 1];
 * trailing dots and spaces are dropped, as Windows does */
static int name_utf16(const char *s, uint16_t *out, unsigned *len) {
    const uint8_t *p = (const uint8_t *)s;
    unsigned n = 0;
    while (*p && *p != '/') {
        uint32_t c = *p++;
        unsigned more = c < 0x80                ? 0
                        : c >= 0xc2 && c < 0xe0 ? 1
                        : c >= 0xe0 && c < 0xf0 ? 2
                        : c >= 0xf0 && c < 0xf5 ? 3
                                                : 9;
        if (more == 9) return MT_FS_EINVAL;
        c &= more ? 0x3f >> more : 0x7f;
        for (unsigned i = 0; i < more; i++) {
            if ((*p & 0xc0) != 0x80) return MT_FS_EINVAL;
            c = c << 6 | (*p++ & 0x3f);
        }
        if (name_char_bad(c) || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff ||
            (more == 2 && c < 0x800) || (more == 3 && c < 0x10000)) {
            return MT_FS_EINVAL;
        }
        if (n + (c > 0xffff) >= MT_FAT_NAME_MAX) return MT_FS_ENAMETOOLONG;
        if (c > 0xffff) {
            c -= 0x10000;
            out[n++] = (uint16_t)(0xd800 | c >> 10);
            c = 0xdc00 | (c & 0x3ff);
        }
        out[n++] = (uint16_t)c;
    }
    while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' ')) n--;
    if (n == 0) return MT_FS_EINVAL;
    out[n] = 0;
    *len = n;
    return 0;
}

static bool sfn_char(uint16_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c > ' ' && c < 0x80 && strchr("!#$%&'()-@^_`{}~", c));
}

/* Is the name a valid 8.3 name with one case per part? Then sfn and the NT lower-case
 * flags say it all and no long entries are needed. */
static bool fits_83(const uint16_t *name, unsigned len, uint8_t *sfn, uint8_t *ntres) {
    unsigned dot = len;
    for (unsigned i = 0; i < len; i++) {
        if (name[i] == '.') {
            if (dot != len) return false;
            dot = i;
        }
    }
    if (dot == 0 || dot > 8 || (dot < len && len - dot - 1 > 3)) return false;
    memset(sfn, ' ', 11);
    *ntres = 0;
    for (int part = 0; part < 2; part++) {
        unsigned from = part ? dot + 1 : 0, to = part ? len : dot;
        bool lower = false, upper = false;
        for (unsigned i = from; i < to; i++) {
            uint16_t c = name[i];
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            c = c >= 'a' && c <= 'z' ? c - 32 : c;
            if (!sfn_char(c)) return false;
            sfn[(part ? 8 : 0) + i - from] = (uint8_t)c;
        }
        if (lower && upper) return false;
        if (lower) *ntres |= part ? 0x10 : 0x08;
    }
    return true;
}

/* the spec's basis name: upper case, invalid characters as '_', spaces and leading dots
 * dropped, base cut at 8 and extension at 3. *lossy when information was lost. */
static void basis_name(const uint16_t *name, unsigned len, uint8_t *sfn, bool *lossy) {
    unsigned start = 0, dot = len;
    while (start < len && name[start] == '.') start++;
    for (unsigned i = start; i < len; i++)
        if (name[i] == '.') dot = i;
    memset(sfn, ' ', 11);
    *lossy = start > 0;
    for (int part = 0; part < 2; part++) {
        unsigned from = part ? dot + 1 : start, to = part ? len : dot, k = 0, max = part ? 3 : 8;
        for (unsigned i = from; i < to && from <= len; i++) {
            uint16_t c = name[i];
            if (c == ' ' || c == '.') {
                *lossy = true;
                continue;
            }
            c = c < 0x80 ? upcase(c) : 0;
            if (!sfn_char(c)) {
                c = '_';
                *lossy = true;
            }
            if (k == max) {
                *lossy = true;
                break;
            }
            sfn[(part ? 8 : 0) + k++] = (uint8_t)c;
        }
    }
    if (sfn[0] == ' ') {
        sfn[0] = '_';
        *lossy = true;
    }
}

/* basis with the numeric tail ~n */
static void with_tail(const uint8_t *basis, uint32_t n, uint8_t *out) {
    char tail[12];
    unsigned t = 0, k = 0;
    do {
        tail[t++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    memcpy(out, basis, 11);
    while (k < 8 && basis[k] != ' ') k++;
    if (k > 7 - t) k = 7 - t;
    out[k++] = '~';
    while (t) out[k++] = (uint8_t)tail[--t];
    while (k < 8) out[k++] = ' ';
}

static uint8_t sfn_sum(const uint8_t *s) {
    uint8_t sum = 0;
    for (unsigned i = 0; i < 11; i++) sum = (uint8_t)(((sum & 1) << 7) + (sum >> 1) + s[i]);
    return sum;
}

/* OEM code page 850 (what mtools uses by default) for short-name bytes 0x80..0xFF: names
 * written by other systems may hold them; Mote writes only ASCII short names */
static const uint16_t cp850[128] = {
    0xc7,   0xfc,   0xe9,   0xe2,   0xe4,   0xe0,   0xe5,   0xe7,   0xea,   0xeb,   0xe8,   0xef,
    0xee,   0xec,   0xc4,   0xc5,   0xc9,   0xe6,   0xc6,   0xf4,   0xf6,   0xf2,   0xfb,   0xf9,
    0xff,   0xd6,   0xdc,   0xf8,   0xa3,   0xd8,   0xd7,   0x192,  0xe1,   0xed,   0xf3,   0xfa,
    0xf1,   0xd1,   0xaa,   0xba,   0xbf,   0xae,   0xac,   0xbd,   0xbc,   0xa1,   0xab,   0xbb,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0xc1,   0xc2,   0xc0,   0xa9,   0x2563, 0x2551, 0x2557,
    0x255d, 0xa2,   0xa5,   0x2510, 0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0xe3,   0xc3,
    0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0xa4,   0xf0,   0xd0,   0xca,   0xcb,
    0xc8,   0x131,  0xcd,   0xce,   0xcf,   0x2518, 0x250c, 0x2588, 0x2584, 0xa6,   0xcc,   0x2580,
    0xd3,   0xdf,   0xd4,   0xd2,   0xf5,   0xd5,   0xb5,   0xfe,   0xde,   0xda,   0xdb,   0xd9,
    0xfd,   0xdd,   0xaf,   0xb4,   0xad,   0xb1,   0x2017, 0xbe,   0xb6,   0xa7,   0xf7,   0xb8,
    0xb0,   0xa8,   0xb7,   0xb9,   0xb3,   0xb2,   0x25a0, 0xa0};

/* a short-name byte as a code point, lower-cased when the NT flag says so */
static uint16_t sfn_cp(uint8_t b, bool lower) {
    uint16_t c = b < 0x80 ? b : cp850[b - 0x80];
    if (lower && ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))) c += 32;
    return c;
}

/* the short entry's name as shown ("README.TXT", "boot.py"): UTF-16 into out[13] */
static unsigned sfn_utf16(const uint8_t *p, uint16_t *out) {
    unsigned b = 8, x = 3, n = 0;
    while (b > 0 && p[b - 1] == ' ') b--;
    while (x > 0 && p[8 + x - 1] == ' ') x--;
    for (unsigned i = 0; i < b; i++) {
        out[n++] = sfn_cp(i == 0 && p[0] == 0x05 ? DEL_MARK : p[i], p[12] & 0x08);
    }
    if (x) out[n++] = '.';
    for (unsigned i = 0; i < x; i++) out[n++] = sfn_cp(p[8 + i], p[12] & 0x10);
    return n;
}

static bool name_equal(const uint16_t *a, const uint16_t *b, unsigned n) {
    for (unsigned i = 0; i < n; i++)
        if (upcase(a[i]) != upcase(b[i])) return false;
    return true;
}

/* ---- walking a directory */

static int dir_open(mt_fat_t *v, uint32_t dir, mt_fat_dir_t *d) {
    memset(d, 0, sizeof(*d));
    d->start = dir;
    if (dir == 0 && v->type != 32) {
        d->unit = v->root_start;
        return 0;
    }
    uint32_t c = dir ? dir : v->root_clus;
    if (!mt_fat_clus_ok(v, c)) return MT_FS_EIO;
    d->clus = c;
    d->unit = mt_fat_clus_unit(v, c);
    return 0;
}

static int dir_advance(mt_fat_t *v, mt_fat_dir_t *d) {
    if (++d->idx >= DIR_MAX) {
        d->end = true;
        return 0;
    }
    if (d->clus == 0) {
        d->end = d->idx >= v->root_units * DIR_PER_UNIT;
        d->unit = v->root_start + d->idx / DIR_PER_UNIT;
        return 0;
    }
    uint32_t epc = v->spc * DIR_PER_UNIT;
    if (d->idx % epc) {
        d->unit += d->idx % DIR_PER_UNIT == 0;
        return 0;
    }
    uint32_t next;
    int r = mt_fat_next(v, d->clus, &next);
    if (r) return r;
    if (next == 0) {
        d->end = true;
        return 0;
    }
    if (++d->steps > v->n_clusters) return MT_FS_EIO;
    d->clus = next;
    d->unit = mt_fat_clus_unit(v, next);
    return 0;
}

static int dir_slot(mt_fat_t *v, const mt_fat_dir_t *d, uint8_t **p) {
    uint8_t *u;
    int r = mt_fat_meta_get(v, d->unit, &u);
    if (!r) *p = u + (d->idx % DIR_PER_UNIT) * DIR_ENTRY;
    return r;
}

static int dir_seek(mt_fat_t *v, uint32_t dir, uint32_t idx, mt_fat_dir_t *d) {
    int r = dir_open(v, dir, d);
    while (!r && d->idx < idx && !d->end) r = dir_advance(v, d);
    return r ? r : d->end ? MT_FS_EIO : 0;
}

static void loc_fill(mt_fat_loc_t *loc, const mt_fat_dir_t *d, const uint8_t *p, uint32_t first,
                     unsigned n_ent) {
    loc->dir = d->start;
    loc->first_idx = first;
    loc->unit = d->unit;
    loc->off = (uint16_t)((d->idx % DIR_PER_UNIT) * DIR_ENTRY);
    loc->n_ent = (uint8_t)n_ent;
    memcpy(loc->raw, p, DIR_ENTRY);
    if (loc->raw[0] == 0x05) loc->raw[0] = DEL_MARK; /* a name starting with byte 0xE5 */
}

/* long-name entries being gathered before their short entry */
typedef struct {
    uint8_t ord; /* the ordinal expected next time + 1; 0: none in progress */
    uint8_t sum;
    uint8_t n;
    uint32_t first;
} lfn_state_t;

/* take one long-name entry; false if it breaks the sequence (state reset) */
static bool lfn_take(lfn_state_t *s, const uint8_t *p, uint32_t idx) {
    unsigned ord = p[0] & 0x3f;
    if (p[0] & 0x40) {
        if (ord == 0 || ord > 20) {
            s->ord = 0;
            return false;
        }
        s->n = (uint8_t)ord;
        s->sum = p[13];
        s->first = idx;
    } else if (s->ord == 0 || ord != s->ord - 1u || p[13] != s->sum || ord == 0) {
        s->ord = 0;
        return false;
    }
    s->ord = (uint8_t)ord;
    return true;
}

static bool is_dot_entry(const uint8_t *p) {
    return p[0] == '.';
}

/* ---- scanning a directory: lookup, free slots, short-name tails */

typedef struct {
    const uint16_t *name; /* the name looked for (NULL: none) */
    unsigned len;
    const uint8_t *basis; /* collect the ~N tails taken for this basis (NULL: no) */
    uint32_t skip;        /* first index of an entry to ignore */
    unsigned need;        /* consecutive free slots wanted (0: none) */
    bool found;
    mt_fat_loc_t *loc;
    bool slot_found, end_region, basis_used;
    uint32_t slot;
    uint64_t tails; /* bit n: ~n is taken */
} scan_t;

static void scan_lfn_match(scan_t *s, const uint8_t *p, bool *match) {
    unsigned ord = p[0] & 0x3f;
    if (p[0] & 0x40) *match = s->len > (ord - 1) * LFN_CHARS && s->len <= ord * LFN_CHARS;
    for (unsigned j = 0; j < LFN_CHARS && *match; j++) {
        uint16_t ch = (uint16_t)mt_get16(p + lfn_pos[j]);
        unsigned i = (ord - 1) * LFN_CHARS + j;
        if (i < s->len)
            *match = upcase(ch) == upcase(s->name[i]);
        else if (i == s->len)
            *match = ch == 0;
    }
}

static void scan_tail(scan_t *s, const uint8_t *p) {
    if (!memcmp(p, s->basis, 11)) s->basis_used = true;
    for (unsigned k = 1; k < 8; k++) {
        if (p[k] != '~') continue;
        uint32_t n = 0;
        unsigned i = k + 1;
        while (i < 8 && p[i] >= '0' && p[i] <= '9') n = n * 10 + (p[i++] - '0');
        uint8_t t[11];
        if (n == 0 || n > 63) break;
        with_tail(s->basis, n, t);
        if (!memcmp(t, p, 11)) s->tails |= (uint64_t)1 << n;
        break;
    }
}

static int dir_scan(mt_fat_t *v, uint32_t dir, scan_t *s) {
    mt_fat_dir_t d;
    lfn_state_t lfn = {0};
    bool match = false, after_end = false;
    uint32_t run = 0, run_start = 0;
    int r = dir_open(v, dir, &d);
    while (!r && !d.end) {
        uint8_t *p = NULL;
        bool free = after_end;
        if (!after_end) r = dir_slot(v, &d, &p);
        if (r) break;
        if (p && p[0] == 0)
            after_end = free = true;
        else if (p && p[0] == DEL_MARK)
            free = true, lfn.ord = 0;
        else if (p && p[11] == ATTR_LFN) {
            if (lfn_take(&lfn, p, d.idx) && s->name) scan_lfn_match(s, p, &match);
        } else if (p) {
            bool has_lfn = lfn.ord == 1 && sfn_sum(p) == lfn.sum;
            uint32_t first = has_lfn ? lfn.first : d.idx;
            bool hit = s->name && has_lfn && match;
            if (s->name && !hit && s->len <= 12) {
                uint16_t sn[12];
                hit = sfn_utf16(p, sn) == s->len && name_equal(sn, s->name, s->len);
            }
            if (hit && !(p[11] & MT_FAT_ATTR_VOLUME) && !is_dot_entry(p) && first != s->skip &&
                !s->found) {
                s->found = true;
                loc_fill(s->loc, &d, p, first, has_lfn ? lfn.n + 1u : 1u);
                if (!s->need && !s->basis) return 0;
            }
            if (s->basis) scan_tail(s, p);
            lfn.ord = 0;
        }
        if (free) {
            if (run++ == 0) run_start = d.idx;
            if (s->need && run >= s->need && !s->slot_found) {
                s->slot_found = true;
                s->slot = run_start;
                s->end_region = after_end;
            }
        } else {
            run = 0;
        }
        r = dir_advance(v, &d);
    }
    return r;
}

/* ---- lookup */

static void root_loc(mt_fat_loc_t *loc) {
    memset(loc, 0, sizeof(*loc));
    memset(loc->raw, ' ', 11);
    loc->raw[0] = '/';
    loc->raw[11] = MT_FAT_ATTR_DIR;
}

static uint32_t entry_clus(const mt_fat_t *v, const mt_fat_loc_t *loc) {
    uint32_t c = mt_fat_loc_clus(loc);
    return v->type == 32 ? c & 0x0fffffff : c & 0xffff;
}

/* look name (a component) up in dir */
static int find(mt_fat_t *v, uint32_t dir, const char *name, mt_fat_loc_t *loc) {
    uint16_t name16[MT_FAT_NAME_MAX + 1];
    scan_t s;
    memset(&s, 0, sizeof(s));
    int r = name_utf16(name, name16, &s.len);
    if (r) return r;
    s.name = name16;
    s.skip = UINT32_MAX;
    s.loc = loc;
    r = dir_scan(v, dir, &s);
    return r ? r : s.found ? 0 : MT_FS_ENOENT;
}

int mt_fat_lookup(mt_fat_t *v, const char *path, mt_fat_loc_t *loc, uint32_t *parent,
                  const char **name) {
    if (path[0] != '/') return MT_FS_EINVAL;
    uint32_t dir = 0;
    const char *p = path + 1;
    *parent = 0;
    *name = p;
    root_loc(loc);
    if (*p == 0) return 0;
    for (;;) {
        const char *slash = strchr(p, '/');
        *parent = dir;
        *name = p;
        int r = find(v, dir, p, loc);
        if (r || !slash) return r;
        if (!mt_fat_loc_is_dir(loc)) return MT_FS_ENOTDIR;
        dir = entry_clus(v, loc);
        if (dir == 0) return MT_FS_EIO;
        p = slash + 1;
    }
}

int mt_fat_stat(mt_fat_t *v, const char *path, mt_fat_loc_t *loc) {
    uint32_t parent;
    const char *name;
    return mt_fat_lookup(v, path, loc, &parent, &name);
}

/* ---- creating and deleting entries */

/* write zeros (and `first` as unit 0 if given) into a new cluster, outside transactions */
static int clus_zero(mt_fat_t *v, uint32_t c, const uint8_t *first) {
    int r = mt_fat_prepare(v, c);
    if (!r) r = mt_fat_data_flush(v);
    uint8_t *buf = v->data.data;
    v->data.unit = NO_UNIT;
    for (unsigned i = 0; i < v->spc && !r; i++) {
        if (i == 0 && first)
            memcpy(buf, first, UNIT);
        else
            memset(buf, 0, UNIT);
        r = v->dev->ops->write(v->dev, mt_fat_clus_unit(v, c) + i, buf, 1, MT_BDEV_DATA);
    }
    return r;
}

/* add a cluster to directory dir (its own transaction) */
static int dir_grow(mt_fat_t *v, uint32_t dir) {
    uint32_t len, last, c;
    if (dir == 0 && v->type != 32) return MT_FS_ENOSPC; /* the fixed root is full */
    int r = mt_fat_chain(v, dir ? dir : v->root_clus, &len, &last);
    if (r) return r;
    if ((uint64_t)(len + 1) * v->spc * DIR_PER_UNIT > DIR_MAX) return MT_FS_ENOSPC;
    r = mt_fat_alloc(v, last + 1, &c);
    if (r) return r;
    v->reserved = c;
    r = clus_zero(v, c, NULL);
    if (!r) r = mt_fat_tx_begin(v);
    if (!r) {
        r = mt_fat_set(v, last, c);
        if (!r) r = mt_fat_set(v, c, mt_fat_eoc(v));
        r = mt_fat_tx_end(v, r);
        if (!r && v->free != UINT32_MAX) v->free--;
    }
    v->reserved = 0;
    return r;
}

int mt_fat_entry_plan(mt_fat_t *v, uint32_t dir, const char *name, uint32_t skip,
                      mt_fat_plan_t *pl) {
    uint16_t name16[MT_FAT_NAME_MAX + 1];
    mt_fat_loc_t found;
    scan_t s;
    memset(&s, 0, sizeof(s));
    memset(pl, 0, sizeof(*pl));
    int r = name_utf16(name, name16, &s.len);
    if (r) return r;
    pl->dir = dir;
    pl->name = name;
    bool lossy = false;
    if (!fits_83(name16, s.len, pl->sfn, &pl->ntres)) {
        basis_name(name16, s.len, pl->sfn, &lossy);
        pl->n_lfn = (uint8_t)((s.len + LFN_CHARS - 1) / LFN_CHARS);
        s.basis = pl->sfn;
    }
    s.name = name16;
    s.skip = skip;
    s.loc = &found;
    s.need = pl->n_lfn + 1u;
    for (;;) {
        r = dir_scan(v, dir, &s);
        if (r) return r;
        if (s.found) return MT_FS_EEXIST;
        if (s.slot_found) break;
        r = dir_grow(v, dir);
        if (r) return r;
        s.tails = 0;
        s.basis_used = false;
    }
    pl->slot = s.slot;
    pl->end_region = s.end_region;
    if (pl->n_lfn == 0 || (!lossy && !s.basis_used)) return 0;
    for (uint32_t n = 1; n < 64; n++) {
        if (!(s.tails & ((uint64_t)1 << n))) {
            uint8_t basis[11];
            memcpy(basis, pl->sfn, 11);
            with_tail(basis, n, pl->sfn);
            return 0;
        }
    }
    /* ~1..~63 all taken: a hashed base, checked against the directory */
    uint32_t h = 0;
    for (unsigned i = 0; i < s.len; i++) h = h * 31 + name16[i];
    for (uint32_t k = 0; k < 1000; k++) {
        static const char hex[] = "0123456789ABCDEF";
        uint8_t cand[11];
        memcpy(cand, pl->sfn, 11);
        uint32_t x = (h + k * 2654435761u) & 0xffff;
        for (unsigned i = 0; i < 4; i++) cand[2 + i] = (uint8_t)hex[(x >> (12 - 4 * i)) & 15];
        if (cand[1] == ' ') cand[1] = '_';
        cand[6] = '~';
        cand[7] = '1';
        scan_t t;
        memset(&t, 0, sizeof(t));
        t.basis = cand;
        t.skip = UINT32_MAX;
        r = dir_scan(v, dir, &t);
        if (r) return r;
        if (!t.basis_used) {
            memcpy(pl->sfn, cand, 11);
            return 0;
        }
    }
    return MT_FS_EEXIST;
}

int mt_fat_entry_write(mt_fat_t *v, const mt_fat_plan_t *pl, const uint8_t *tmpl,
                       mt_fat_loc_t *loc) {
    uint16_t name16[MT_FAT_NAME_MAX + 1];
    unsigned len;
    mt_fat_dir_t d;
    uint8_t *p;
    int r = name_utf16(pl->name, name16, &len);
    if (!r) r = dir_seek(v, pl->dir, pl->slot, &d);
    uint8_t sum = sfn_sum(pl->sfn);
    for (unsigned k = pl->n_lfn; k > 0 && !r; k--) {
        r = dir_slot(v, &d, &p);
        if (r) break;
        memset(p, 0, DIR_ENTRY);
        p[0] = (uint8_t)(k | (k == pl->n_lfn ? 0x40 : 0));
        p[11] = ATTR_LFN;
        p[13] = sum;
        for (unsigned j = 0; j < LFN_CHARS; j++) {
            unsigned i = (k - 1) * LFN_CHARS + j;
            mt_put16(p + lfn_pos[j], i < len ? name16[i] : i == len ? 0 : 0xffff);
        }
        r = mt_fat_meta_dirty(v, d.unit);
        if (!r) r = dir_advance(v, &d);
        if (!r && d.end) r = MT_FS_EIO;
    }
    if (!r) r = dir_slot(v, &d, &p);
    if (r) return r;
    memcpy(p, tmpl, DIR_ENTRY);
    memcpy(p, pl->sfn, 11);
    p[12] = pl->ntres;
    loc_fill(loc, &d, p, pl->slot, pl->n_lfn + 1u);
    r = mt_fat_meta_dirty(v, d.unit);
    if (!r && pl->end_region) {
        /* keep an end marker after the new entries */
        r = dir_advance(v, &d);
        if (!r && !d.end) r = dir_slot(v, &d, &p);
        if (!r && !d.end && p[0] != 0) {
            p[0] = 0;
            r = mt_fat_meta_dirty(v, d.unit);
        }
    }
    return r;
}

int mt_fat_entry_store(mt_fat_t *v, const mt_fat_loc_t *loc) {
    uint8_t *p;
    int r = mt_fat_meta_get(v, loc->unit, &p);
    if (r) return r;
    memcpy(p + loc->off, loc->raw, DIR_ENTRY);
    if (p[loc->off] == DEL_MARK) p[loc->off] = 0x05;
    return mt_fat_meta_dirty(v, loc->unit);
}

/* mark the entry's slots deleted (inside a transaction) */
static int entry_delete(mt_fat_t *v, const mt_fat_loc_t *loc) {
    mt_fat_dir_t d;
    int r = dir_seek(v, loc->dir, loc->first_idx, &d);
    for (unsigned k = 0; k < loc->n_ent && !r; k++) {
        uint8_t *p;
        if (k) r = dir_advance(v, &d);
        if (!r && d.end) r = MT_FS_EIO;
        if (!r) r = dir_slot(v, &d, &p);
        if (r) break;
        p[0] = DEL_MARK;
        r = mt_fat_meta_dirty(v, d.unit);
    }
    return r;
}

/* the units the entry's slots occupy (at most 3) */
static int entry_units(mt_fat_t *v, const mt_fat_loc_t *loc, uint32_t *units, unsigned *n) {
    mt_fat_dir_t d;
    *n = 0;
    int r = dir_seek(v, loc->dir, loc->first_idx, &d);
    for (unsigned k = 0; k < loc->n_ent && !r; k++) {
        if (k) r = dir_advance(v, &d);
        if (!r && d.end) r = MT_FS_EIO;
        if (!r && (*n == 0 || units[*n - 1] != d.unit) && *n < 3) units[(*n)++] = d.unit;
    }
    return r;
}

void mt_fat_raw_set(uint8_t *raw, uint32_t clus, uint32_t size) {
    mt_put16(raw + 20, clus >> 16);
    mt_put16(raw + 26, clus);
    mt_put32(raw + 28, size);
}

void mt_fat_raw_touch(uint8_t *raw, bool create) {
    uint32_t ts = mt_fat_timestamp();
    mt_put16(raw + 22, ts);
    mt_put16(raw + 24, ts >> 16);
    mt_put16(raw + 18, ts >> 16); /* last access date */
    if (create) {
        raw[13] = 0;
        mt_put16(raw + 14, ts);
        mt_put16(raw + 16, ts >> 16);
    }
}

/* ---- freeing chains, in transactions that fit */

/* the cluster at index i of the chain from first (i < its length) */
static int chain_at(mt_fat_t *v, uint32_t first, uint32_t i, uint32_t *c) {
    uint32_t x = first;
    for (uint32_t k = 0; k < i; k++) {
        int r = mt_fat_next(v, x, &x);
        if (r) return r;
        if (x == 0) return MT_FS_EIO;
    }
    *c = x;
    return 0;
}

/* would a transaction freeing [s, len) of the chain (plus the extra units) fit? */
static int free_fits(mt_fat_t *v, uint32_t first, uint32_t s, uint32_t len, const uint32_t *extra,
                     unsigned n_extra, bool *fits) {
    uint32_t units[16], c = 0;
    unsigned n = n_extra;
    memcpy(units, extra, n_extra * sizeof(uint32_t));
    int r = chain_at(v, first, s ? s - 1 : 0, &c);
    for (uint32_t i = s ? s - 1 : 0; i < len && !r; i++) {
        uint32_t u[2];
        unsigned k = mt_fat_entry_units(v, c, u);
        for (unsigned j = 0; j < k; j++) {
            bool seen = false;
            for (unsigned m = 0; m < n && !seen; m++) seen = units[m] == u[j];
            if (seen) continue;
            if (n == 16) {
                *fits = false;
                return 0;
            }
            units[n++] = u[j];
        }
        if (i + 1 < len) r = mt_fat_next(v, c, &c);
    }
    if (!r) *fits = mt_fat_tx_fits(v, units, n);
    return r;
}

int mt_fat_shrink(mt_fat_t *v, mt_fat_loc_t *loc, uint32_t keep, uint32_t size, bool remove) {
    uint32_t first = entry_clus(v, loc), len = 0, last, c = 0;
    int r = first ? mt_fat_chain(v, first, &len, &last) : 0;
    if (r) return r;
    if (keep > len) keep = len;
    uint32_t old_size = mt_fat_loc_size(loc);
    for (;;) {
        uint32_t extra[3];
        unsigned n_extra = 1;
        extra[0] = loc->unit;
        r = mt_fat_tx_begin(v);
        if (!r && remove) r = entry_units(v, loc, extra, &n_extra);
        /* the largest tail [s, len) that fits, s >= keep (len itself always fits) */
        uint32_t lo = keep, hi = len;
        while (!r && lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            bool fits = false;
            r = free_fits(v, first, mid, len, extra, n_extra, &fits);
            if (fits)
                hi = mid;
            else
                lo = mid + 1;
        }
        uint32_t s = lo;
        bool final = s == keep;
        if (!r && s == len && !final) r = MT_FS_EFBIG; /* no progress possible */
        uint32_t cut = 0;                              /* the new last cluster */
        if (!r && s > 0 && s < len) r = chain_at(v, first, s - 1, &cut);
        if (!r && s < len) r = cut ? mt_fat_next(v, cut, &c) : chain_at(v, first, s, &c);
        if (!r && cut) r = mt_fat_set(v, cut, mt_fat_eoc(v));
        for (uint32_t i = s; i < len && !r; i++) {
            uint32_t next;
            r = mt_fat_next(v, c, &next);
            if (!r) r = mt_fat_set(v, c, 0);
            c = next;
        }
        if (!r && final && remove) {
            r = entry_delete(v, loc);
        } else if (!r) {
            uint32_t sz = final                          ? size
                          : old_size < s * v->clus_bytes ? old_size
                                                         : s * v->clus_bytes;
            mt_fat_raw_set(loc->raw, s ? first : 0, sz);
            r = mt_fat_entry_store(v, loc);
        }
        r = mt_fat_tx_end(v, r);
        if (r) return r;
        if (v->free != UINT32_MAX) v->free += len - s;
        len = s;
        if (final) return 0;
    }
}

/* ---- the operations */

int mt_fat_opendir(mt_fat_t *v, const char *path, mt_fat_dir_t *d) {
    mt_fat_loc_t loc;
    int r = mt_fat_stat(v, path, &loc);
    if (r) return r;
    if (!mt_fat_loc_is_dir(&loc)) return MT_FS_ENOTDIR;
    uint32_t c = loc.n_ent ? entry_clus(v, &loc) : 0;
    if (loc.n_ent && c == 0) return MT_FS_EIO;
    return dir_open(v, c, d);
}

int mt_fat_readdir(mt_fat_t *v, mt_fat_dir_t *d, mt_fat_dirent_t *e) {
    lfn_state_t lfn = {0};
    while (!d->end) {
        uint8_t *p;
        int r = dir_slot(v, d, &p);
        if (r) return r;
        if (p[0] == 0) {
            d->end = true;
            break;
        }
        if (p[0] == DEL_MARK) {
            lfn.ord = 0;
        } else if (p[11] == ATTR_LFN) {
            if (lfn_take(&lfn, p, d->idx)) {
                unsigned base = (lfn.ord - 1u) * LFN_CHARS;
                for (unsigned j = 0; j < LFN_CHARS && base + j < MT_FAT_NAME_MAX; j++) {
                    e->lfn[base + j] = (uint16_t)mt_get16(p + lfn_pos[j]);
                }
            }
        } else if (!(p[11] & MT_FAT_ATTR_VOLUME) && !is_dot_entry(p)) {
            bool has_lfn = lfn.ord == 1 && sfn_sum(p) == lfn.sum;
            e->lfn_len = 0;
            while (has_lfn && e->lfn_len < lfn.n * LFN_CHARS && e->lfn_len < MT_FAT_NAME_MAX &&
                   e->lfn[e->lfn_len] != 0) {
                e->lfn_len++;
            }
            e->lfn[e->lfn_len] = 0;
            loc_fill(&e->loc, d, p, has_lfn ? lfn.first : d->idx, has_lfn ? lfn.n + 1u : 1u);
            return dir_advance(v, d);
        } else {
            lfn.ord = 0;
        }
        r = dir_advance(v, d);
        if (r) return r;
    }
    return MT_FS_ENOENT;
}

/* UTF-8 of one code point; returns bytes */
static unsigned put_utf8(char *o, uint32_t c) {
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xc0 | c >> 6);
        o[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xe0 | c >> 12);
        o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        o[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | c >> 18);
    o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    o[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

size_t mt_fat_dirent_name(const mt_fat_dirent_t *e, char *out) {
    size_t n = 0;
    if (e->lfn_len) {
        for (unsigned i = 0; i < e->lfn_len; i++) {
            uint32_t c = e->lfn[i];
            if (c >= 0xd800 && c < 0xdc00 && i + 1 < e->lfn_len && e->lfn[i + 1] >= 0xdc00 &&
                e->lfn[i + 1] < 0xe000) {
                c = 0x10000 + ((c - 0xd800) << 10) + (e->lfn[++i] - 0xdc00);
            } else if (c >= 0xd800 && c < 0xe000) {
                c = 0xfffd;
            }
            n += put_utf8(out + n, c);
        }
    } else {
        uint16_t sn[12];
        uint8_t raw[32];
        memcpy(raw, e->loc.raw, 32);
        if (raw[0] == DEL_MARK) raw[0] = 0x05;
        unsigned k = sfn_utf16(raw, sn);
        for (unsigned i = 0; i < k; i++) n += put_utf8(out + n, sn[i]);
    }
    out[n] = 0;
    return n;
}

int mt_fat_mkdir(mt_fat_t *v, const char *path) {
    mt_fat_loc_t loc;
    mt_fat_plan_t pl;
    uint32_t parent, c;
    const char *name;
    if (v->readonly) return MT_FS_EROFS;
    int r = mt_fat_lookup(v, path, &loc, &parent, &name);
    if (r != MT_FS_ENOENT) return r ? r : MT_FS_EEXIST;
    if (strchr(name, '/')) return MT_FS_ENOENT;
    r = mt_fat_entry_plan(v, parent, name, UINT32_MAX, &pl);
    if (!r) r = mt_fat_alloc(v, 0, &c);
    if (r) return r;
    /* the new directory's first unit: "." and ".." */
    uint8_t tmpl[DIR_ENTRY];
    memset(tmpl, 0, sizeof(tmpl));
    memset(tmpl, ' ', 11);
    tmpl[11] = MT_FAT_ATTR_DIR;
    mt_fat_raw_touch(tmpl, true);
    uint8_t first[UNIT];
    memset(first, 0, sizeof(first));
    memcpy(first, tmpl, DIR_ENTRY);
    first[0] = '.';
    mt_fat_raw_set(first, c, 0);
    memcpy(first + DIR_ENTRY, tmpl, DIR_ENTRY);
    first[DIR_ENTRY] = first[DIR_ENTRY + 1] = '.';
    mt_fat_raw_set(first + DIR_ENTRY, parent, 0);
    v->reserved = c;
    r = clus_zero(v, c, first);
    if (!r) r = mt_fat_tx_begin(v);
    if (!r) {
        r = mt_fat_set(v, c, mt_fat_eoc(v));
        mt_fat_raw_set(tmpl, c, 0);
        if (!r) r = mt_fat_entry_write(v, &pl, tmpl, &loc);
        r = mt_fat_tx_end(v, r);
        if (!r && v->free != UINT32_MAX) v->free--;
    }
    v->reserved = 0;
    return r;
}

/* does directory dir hold anything besides "." and ".."? */
static int dir_empty(mt_fat_t *v, uint32_t dir, bool *empty) {
    mt_fat_dir_t d;
    int r = dir_open(v, dir, &d);
    *empty = true;
    while (!r && !d.end) {
        uint8_t *p;
        r = dir_slot(v, &d, &p);
        if (r || p[0] == 0) break;
        if (p[0] != DEL_MARK && p[11] != ATTR_LFN && !(p[11] & MT_FAT_ATTR_VOLUME) &&
            !is_dot_entry(p)) {
            *empty = false;
            break;
        }
        r = dir_advance(v, &d);
    }
    return r;
}

static int remove_entry(mt_fat_t *v, mt_fat_loc_t *loc, bool want_dir) {
    if (loc->n_ent == 0) return MT_FS_EPERM; /* the root */
    bool is_dir = mt_fat_loc_is_dir(loc);
    if (is_dir != want_dir) return want_dir ? MT_FS_ENOTDIR : MT_FS_EISDIR;
    if (loc->raw[11] & MT_FAT_ATTR_RO) return MT_FS_EACCES;
    if (is_dir) {
        bool empty = true;
        uint32_t c = entry_clus(v, loc);
        int r = c ? dir_empty(v, c, &empty) : MT_FS_EIO;
        if (r) return r;
        if (!empty) return MT_FS_ENOTEMPTY;
    }
    mt_fat_loc_t copy = *loc;
    int r = mt_fat_shrink(v, loc, 0, 0, true);
    if (!r) mt_fat_files_detach(v, &copy);
    return r;
}

static int remove_path(mt_fat_t *v, const char *path, bool dir) {
    mt_fat_loc_t loc;
    if (v->readonly) return MT_FS_EROFS;
    int r = mt_fat_stat(v, path, &loc);
    return r ? r : remove_entry(v, &loc, dir);
}

int mt_fat_rmdir(mt_fat_t *v, const char *path) {
    return remove_path(v, path, true);
}
int mt_fat_remove(mt_fat_t *v, const char *path) {
    return remove_path(v, path, false);
}

static bool same_entry(const mt_fat_loc_t *a, const mt_fat_loc_t *b) {
    return a->n_ent && a->dir == b->dir && a->first_idx == b->first_idx;
}

/* a moved directory's ".." must name its new parent */
static int set_dotdot(mt_fat_t *v, uint32_t dir_clus, uint32_t parent) {
    uint8_t *p;
    int r = mt_fat_meta_get(v, mt_fat_clus_unit(v, dir_clus), &p);
    if (r) return r;
    p += DIR_ENTRY;
    if (p[0] != '.' || p[1] != '.') return 0;
    mt_put16(p + 20, parent >> 16);
    mt_put16(p + 26, parent);
    return mt_fat_meta_dirty(v, mt_fat_clus_unit(v, dir_clus));
}

/* is directory anc (a cluster) dir itself or one of its parents? walks up the ".." entries */
static int is_ancestor(mt_fat_t *v, uint32_t anc, uint32_t dir, bool *yes) {
    for (uint32_t steps = 0; steps <= v->n_clusters; steps++) {
        if (dir == anc) {
            *yes = true;
            return 0;
        }
        if (dir == 0 || (v->type == 32 && dir == v->root_clus)) {
            *yes = false;
            return 0;
        }
        uint8_t *p;
        if (!mt_fat_clus_ok(v, dir)) return MT_FS_EIO;
        int r = mt_fat_meta_get(v, mt_fat_clus_unit(v, dir), &p);
        if (r) return r;
        p += DIR_ENTRY;
        if (p[0] != '.' || p[1] != '.') return MT_FS_EIO;
        dir = mt_get16(p + 26) | (v->type == 32 ? mt_get16(p + 20) << 16 : 0);
    }
    return MT_FS_EIO;
}

/* free a whole chain inside the current transaction; *n gets its length */
static int free_chain(mt_fat_t *v, uint32_t c, uint32_t *n) {
    *n = 0;
    while (c) {
        uint32_t next;
        if (++*n > v->n_clusters) return MT_FS_EIO;
        int r = mt_fat_next(v, c, &next);
        if (!r) r = mt_fat_set(v, c, 0);
        if (r) return r;
        c = next;
    }
    return 0;
}

/* the rename's transaction: the new entry in, the old one out (and a replaced target with
 * its clusters, when given) */
static int rename_tx(mt_fat_t *v, const mt_fat_plan_t *pl, const mt_fat_loc_t *src,
                     const mt_fat_loc_t *dst, bool dotdot, mt_fat_loc_t *moved) {
    uint32_t freed = 0;
    int r = mt_fat_tx_begin(v);
    if (r) return r;
    if (dst) {
        r = free_chain(v, entry_clus(v, dst), &freed);
        if (!r) r = entry_delete(v, dst);
    }
    if (!r) r = mt_fat_entry_write(v, pl, src->raw, moved);
    if (!r) r = entry_delete(v, src);
    if (!r && dotdot) r = set_dotdot(v, entry_clus(v, src), pl->dir);
    r = mt_fat_tx_end(v, r);
    if (!r && v->free != UINT32_MAX) v->free += freed;
    return r;
}

int mt_fat_rename(mt_fat_t *v, const char *from, const char *to) {
    mt_fat_loc_t src, dst, moved;
    mt_fat_plan_t pl;
    uint32_t sparent, tparent;
    const char *sname, *tname;
    if (v->readonly) return MT_FS_EROFS;
    int r = mt_fat_lookup(v, from, &src, &sparent, &sname);
    if (r) return r;
    if (src.n_ent == 0) return MT_FS_EINVAL;
    bool is_dir = mt_fat_loc_is_dir(&src), replace = false;
    r = mt_fat_lookup(v, to, &dst, &tparent, &tname);
    if (r && r != MT_FS_ENOENT) return r;
    if (r == MT_FS_ENOENT && strchr(tname, '/')) return MT_FS_ENOENT;
    uint32_t skip = UINT32_MAX;
    if (r == MT_FS_ENOENT) {
        r = 0;
    } else if (same_entry(&dst, &src)) {
        if (!strcmp(from, to)) return 0;
        skip = src.first_idx; /* a change of case: the entry may take its own name */
    } else {
        if (dst.n_ent == 0) return MT_FS_EINVAL;
        bool tdir = mt_fat_loc_is_dir(&dst);
        if (tdir && !is_dir) return MT_FS_EISDIR;
        if (!tdir && is_dir) return MT_FS_ENOTDIR;
        if (dst.raw[11] & MT_FAT_ATTR_RO) return MT_FS_EACCES;
        if (tdir) {
            bool empty = true;
            uint32_t c = entry_clus(v, &dst);
            r = c ? dir_empty(v, c, &empty) : MT_FS_EIO;
            if (!r && !empty) r = MT_FS_ENOTEMPTY;
        }
        replace = true;
        skip = dst.first_idx; /* its name is taken over */
    }
    if (!r && is_dir) {
        bool inside = false;
        r = is_ancestor(v, entry_clus(v, &src), tparent, &inside);
        if (!r && inside) r = MT_FS_EINVAL; /* a directory into its own subtree */
    }
    if (!r) r = mt_fat_entry_plan(v, tparent, tname, skip, &pl);
    if (r) return r;
    bool dotdot = is_dir && tparent != sparent;
    /* replacing a file is atomic when its clusters fit in the transaction; else the target
     * goes first, in transactions of its own */
    r = rename_tx(v, &pl, &src, replace ? &dst : NULL, dotdot, &moved);
    if (r == MT_FS_EFBIG && replace) {
        mt_fat_loc_t gone = dst;
        r = mt_fat_shrink(v, &dst, 0, 0, true);
        if (!r) mt_fat_files_detach(v, &gone);
        if (!r) r = rename_tx(v, &pl, &src, NULL, dotdot, &moved);
    } else if (!r && replace) {
        mt_fat_files_detach(v, &dst);
    }
    if (!r) mt_fat_files_moved(v, &src, &moved);
    return r;
}
