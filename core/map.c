/* Maps: see the layout comment at mt_map_t in obj.h.
 * Keys are compared by identity first; two different qstrs are never equal (interning), so
 * maps whose keys are all qstrs never call mt_equal when looked up by a qstr. */
#include "obj.h"

static mt_map_elem_t removed; /* what MT_MAP_LOOKUP_REMOVE returns; valid until next call */

static void index_rebuild(mt_map_t *map);

void mt_map_init(mt_map_t *map, size_t n) {
    memset(map, 0, sizeof(*map));
    map->all_keys_are_qstrs = 1;
    if (n > 0) {
        map->elems = mt_alloc(n * sizeof(mt_map_elem_t));
        map->alloc = (uint32_t)n;
        if (n > MT_MAP_LINEAR_MAX) index_rebuild(map); /* big from the start: indexed now */
    }
}

void mt_map_init_fixed(mt_map_t *map, const mt_map_elem_t *table, size_t n) {
    memset(map, 0, sizeof(*map));
    map->used = map->alloc = map->filled = (uint32_t)n;
    map->is_fixed = 1;
    map->elems = (mt_map_elem_t *)table;
    map->all_keys_are_qstrs = 1;
    for (size_t i = 0; i < n; i++)
        if (!MT_IS_QSTR(table[i].key)) map->all_keys_are_qstrs = 0;
}

void mt_map_clear(mt_map_t *map) {
    if (map->is_fixed) return;
    mt_free(map->elems);
    mt_free(map->index);
    mt_map_init(map, 0);
}

/* the same value mt_hash gives (str and qstr hashes are masked to a small int) */
static uint32_t qstr_hash(mt_qstr_t q) {
    return mt_qstr_hash(q) & (uint32_t)MT_SMALL_INT_MAX;
}

static uint32_t key_hash(mt_obj_t key) {
    if (MT_IS_QSTR(key)) return qstr_hash(MT_QSTR_VALUE(key));
    return (uint32_t)mt_hash(key);
}

static bool keys_equal(mt_obj_t a, mt_obj_t b) {
    if (a == b) return true;
    if ((MT_IS_QSTR(a) && MT_IS_QSTR(b)) || (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)))
        return false;
    return mt_equal(a, b);
}

/* position of key in elems, or -1 */
static long find_linear(const mt_map_t *map, mt_obj_t key) {
    for (uint32_t i = 0; i < map->used; i++)
        if (map->elems[i].key == key) return i;
    if (MT_IS_QSTR(key) && map->all_keys_are_qstrs) return -1;
    for (uint32_t i = 0; i < map->used; i++) {
        mt_obj_t k = map->elems[i].key;
        if (k != MT_NULL && keys_equal(k, key)) return i;
    }
    return -1;
}

static long find_sorted(const mt_map_t *map, mt_qstr_t q) {
    long lo = 0, hi = (long)map->used - 1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        mt_qstr_t k = MT_QSTR_VALUE(map->elems[mid].key);
        if (k == q) return mid;
        if (k < q)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* probe the index for key, whose hash is h */
static long find_indexed(const mt_map_t *map, mt_obj_t key, uint32_t h) {
    bool qstr_only = MT_IS_QSTR(key) && map->all_keys_are_qstrs;
    for (uint32_t i = h & map->index_mask;; i = (i + 1) & map->index_mask) {
        uint32_t e = map->index[i];
        if (e == 0) return -1;
        mt_obj_t k = map->elems[e - 1].key;
        if (k == key || (k != MT_NULL && !qstr_only && keys_equal(k, key))) return e - 1;
    }
}

static void index_rebuild(mt_map_t *map) {
    mt_free(map->index);
    map->index = NULL;
    map->index_mask = 0;
    if (map->alloc <= MT_MAP_LINEAR_MAX) return;
    uint32_t size = 16;
    while (size < map->alloc * 2) size *= 2;
    map->index = mt_alloc(size * sizeof(uint32_t));
    map->index_mask = size - 1;
    map->index_used = 0;
    for (uint32_t e = 0; e < map->used; e++) {
        if (map->elems[e].key == MT_NULL) continue;
        uint32_t i = key_hash(map->elems[e].key) & map->index_mask;
        while (map->index[i] != 0) i = (i + 1) & map->index_mask;
        map->index[i] = e + 1;
        map->index_used++;
    }
}

/* make room for one more entry: drop removed entries and grow */
static void grow(mt_map_t *map) {
    uint32_t n = map->filled + 1;
    uint32_t alloc = n < 4 ? 4 : n * 2;
    if (map->alloc <= MT_MAP_LINEAR_MAX && n <= MT_MAP_LINEAR_MAX && alloc > MT_MAP_LINEAR_MAX)
        alloc = MT_MAP_LINEAR_MAX;
    mt_map_elem_t *elems = mt_alloc(alloc * sizeof(mt_map_elem_t));
    uint32_t j = 0;
    for (uint32_t i = 0; i < map->used; i++)
        if (map->elems[i].key != MT_NULL) elems[j++] = map->elems[i];
    mt_free(map->elems);
    map->elems = elems;
    map->used = j;
    map->alloc = alloc;
    index_rebuild(map);
}

static mt_map_elem_t *add(mt_map_t *map, mt_obj_t key) {
    if (map->used == map->alloc) grow(map);
    uint32_t e = map->used++;
    map->elems[e].key = key;
    map->elems[e].value = MT_NULL;
    map->filled++;
    if (!MT_IS_QSTR(key)) map->all_keys_are_qstrs = 0;
    if (map->index) {
        /* stale slots of removed entries count: rebuild before probes could get long */
        if ((map->index_used + 1) * 4 > (map->index_mask + 1) * 3)
            index_rebuild(map);
        else {
            uint32_t i = key_hash(key) & map->index_mask;
            while (map->index[i] != 0) i = (i + 1) & map->index_mask;
            map->index[i] = e + 1;
            map->index_used++;
        }
    }
    return &map->elems[e];
}

static mt_map_elem_t *remove_at(mt_map_t *map, long e) {
    removed = map->elems[e];
    map->elems[e].key = MT_NULL;
    map->elems[e].value = MT_NULL;
    map->filled--;
    /* drop removed entries at the end (popitem stays O(1)); index slots that still name
     * them see a MT_NULL key, or the key of an entry added there later, and probe on */
    while (map->used > 0 && map->elems[map->used - 1].key == MT_NULL) map->used--;
    return &removed;
}

mt_map_elem_t *mt_map_lookup(mt_map_t *map, mt_obj_t key, mt_map_lookup_kind_t kind) {
    if (map->is_fixed) {
        if (kind != MT_MAP_LOOKUP) mt_raise_type_error("object is read-only");
        long e = (map->is_sorted && MT_IS_QSTR(key)) ? find_sorted(map, MT_QSTR_VALUE(key))
                                                     : find_linear(map, key);
        return e < 0 ? NULL : &map->elems[e];
    }
    long e;
    if (map->index) {
        e = find_indexed(map, key, key_hash(key));
    } else {
        if (!MT_IS_QSTR(key) && !MT_IS_SMALL_INT(key)) key_hash(key); /* unhashable: raises */
        e = find_linear(map, key);
    }
    if (e >= 0) return kind == MT_MAP_LOOKUP_REMOVE ? remove_at(map, e) : &map->elems[e];
    return kind == MT_MAP_LOOKUP_ADD_IF_NOT_FOUND ? add(map, key) : NULL;
}

mt_map_elem_t *mt_map_lookup_qstr(const mt_map_t *map, mt_qstr_t q) {
    mt_obj_t key = MT_NEW_QSTR(q);
    long e;
    if (map->is_sorted)
        e = find_sorted(map, q);
    else if (map->index)
        e = find_indexed(map, key, qstr_hash(q));
    else
        e = find_linear(map, key);
    return e < 0 ? NULL : &map->elems[e];
}

void mt_map_copy(mt_map_t *dst, const mt_map_t *src) {
    mt_map_init(dst, src->filled);
    for (uint32_t i = 0; i < src->used; i++) {
        if (src->elems[i].key == MT_NULL) continue;
        mt_map_lookup(dst, src->elems[i].key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            src->elems[i].value;
    }
}
