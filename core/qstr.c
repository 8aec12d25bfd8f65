/* Interned strings.
 *
 * Static qstrs (known at build time) are a const table in flash: hash, length, text; plus a
 * const list of their indices in hash order for lookup by binary search. They cost no RAM.
 *
 * Dynamic qstrs (names met at run time) get indices after the static ones. Their records
 * live in one GC-heap array; their text is packed into 4-aligned slots of GC-heap chunks;
 * an open-addressing index (entry number + 1, 0 = empty) finds them by hash.
 */
#include "gc.h"
#include "obj.h"

typedef struct {
    uint32_t hash;
    uint32_t len;
    const char *str;
} qstr_rec_t;

static const qstr_rec_t static_qstrs[] = {
#define QDEF(id, hash, len, str) {hash, len, str},
#include "genhdr/qstrdefs.h"
#undef QDEF
};

static const uint16_t static_by_hash[] = {
#define QDEF(id, hash, len, str)
#define QHASH_ORDER(...) __VA_ARGS__
#include "genhdr/qstrdefs.h"
#undef QHASH_ORDER
#undef QDEF
};

#define N_STATIC    MT_ARRAY_SIZE(static_qstrs)
#define CHUNK_BYTES 128

/* GC roots: registered in mt_qstr_init */
static struct {
    qstr_rec_t *recs; /* dynamic records */
    uint32_t *index;  /* open addressing over recs */
    char *chunk;      /* current text chunk */
} dyn;
static size_t n_dyn, recs_alloc, index_size, chunk_used, chunk_size, dyn_bytes;

/* FNV-1a; never 0 (0 means "not computed" in mt_str_t). tools/mkqstr.py computes the same. */
uint32_t mt_hash_bytes(const void *data, size_t len) {
    const uint8_t *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * 16777619u;
    return h ? h : 1;
}

void mt_qstr_init(void) {
    memset(&dyn, 0, sizeof(dyn));
    n_dyn = recs_alloc = index_size = chunk_used = chunk_size = dyn_bytes = 0;
    mt_gc_add_root(&dyn, sizeof(dyn) / sizeof(void *));
}

static const qstr_rec_t *rec(uint32_t q) {
    if (q < N_STATIC) return &static_qstrs[q];
    return &dyn.recs[q - N_STATIC];
}

static uint32_t find_static(const char *s, size_t len, uint32_t h) {
    size_t lo = 0, hi = N_STATIC;
    while (lo < hi) { /* first entry with hash >= h */
        size_t mid = (lo + hi) / 2;
        if (static_qstrs[static_by_hash[mid]].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < N_STATIC && static_qstrs[static_by_hash[lo]].hash == h; lo++) {
        const qstr_rec_t *r = &static_qstrs[static_by_hash[lo]];
        if (r->len == len && memcmp(r->str, s, len) == 0) return static_by_hash[lo];
    }
    return 0;
}

static uint32_t find_dynamic(const char *s, size_t len, uint32_t h) {
    if (index_size == 0) return 0;
    for (size_t i = h & (index_size - 1);; i = (i + 1) & (index_size - 1)) {
        uint32_t e = dyn.index[i];
        if (e == 0) return 0;
        const qstr_rec_t *r = &dyn.recs[e - 1];
        if (r->hash == h && r->len == len && memcmp(r->str, s, len) == 0) return N_STATIC + e - 1;
    }
}

uint32_t mt_qstr_find_strn(const char *s, size_t len) {
    uint32_t h = mt_hash_bytes(s, len);
    if (len == 0) return 0;
    uint32_t q = find_static(s, len, h);
    return q ? q : find_dynamic(s, len, h);
}

static void index_insert(uint32_t *index, size_t size, uint32_t h, uint32_t entry) {
    size_t i = h & (size - 1);
    while (index[i] != 0) i = (i + 1) & (size - 1);
    index[i] = entry;
}

static void grow_index(void) {
    size_t size = index_size ? index_size * 2 : 32;
    uint32_t *index = mt_alloc(size * sizeof(uint32_t));
    for (size_t e = 0; e < n_dyn; e++) index_insert(index, size, dyn.recs[e].hash, e + 1);
    mt_free(dyn.index);
    dyn.index = index;
    index_size = size;
}

static const char *store_text(const char *s, size_t len) {
    size_t need = (len + 1 + 3) & ~(size_t)3;
    if (need > CHUNK_BYTES / 2) { /* long names get their own block */
        char *p = mt_alloc(len + 1);
        memcpy(p, s, len);
        return p;
    }
    if (dyn.chunk == NULL || chunk_used + need > chunk_size) {
        dyn.chunk = mt_alloc(CHUNK_BYTES);
        chunk_size = CHUNK_BYTES;
        chunk_used = 0;
    }
    char *p = dyn.chunk + chunk_used;
    memcpy(p, s, len);
    p[len] = 0;
    chunk_used += need;
    return p;
}

uint32_t mt_qstr_from_strn(const char *s, size_t len) {
    uint32_t q = mt_qstr_find_strn(s, len);
    if (q != 0 || len == 0) return q;
    if ((n_dyn + 1) * 4 > index_size * 3) grow_index();
    if (n_dyn == recs_alloc) {
        size_t n = recs_alloc ? recs_alloc * 2 : 16;
        dyn.recs = mt_realloc(dyn.recs, n * sizeof(qstr_rec_t));
        recs_alloc = n;
    }
    const char *text = store_text(s, len);
    qstr_rec_t *r = &dyn.recs[n_dyn];
    r->hash = mt_hash_bytes(s, len);
    r->len = (uint32_t)len;
    r->str = text;
    n_dyn++;
    dyn_bytes += len + 1;
    index_insert(dyn.index, index_size, r->hash, (uint32_t)n_dyn);
    return (uint32_t)(N_STATIC + n_dyn - 1);
}

uint32_t mt_qstr_from_str(const char *s) {
    return mt_qstr_from_strn(s, strlen(s));
}
const char *mt_qstr_str(uint32_t q) {
    return rec(q)->str;
}
size_t mt_qstr_len(uint32_t q) {
    return rec(q)->len;
}
uint32_t mt_qstr_hash(uint32_t q) {
    return rec(q)->hash;
}
size_t mt_qstr_count(void) {
    return N_STATIC + n_dyn;
}

const char *mt_qstr_data(uint32_t q, size_t *len) {
    const qstr_rec_t *r = rec(q);
    *len = r->len;
    return r->str;
}

void mt_qstr_info(size_t *n_pool, size_t *n_qstr, size_t *n_bytes) {
    *n_pool = n_dyn ? 1 : 0;
    *n_qstr = n_dyn;
    *n_bytes = dyn_bytes;
}
