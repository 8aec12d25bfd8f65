/* The garbage collector.
 *
 * The heap region handed to mt_gc_init is laid out as:
 *
 *   [ alloc table: 2 bits/block ][ finaliser table: 1 bit/block ][ pad ][ pool: blocks ... ]
 *
 * Block states in the alloc table:
 *   FREE  the block is unused
 *   HEAD  first block of an allocation
 *   TAIL  a following block of the allocation before it
 *   MARK  a HEAD reached during the current collection
 *
 * Mark: roots are the registered ranges, mt_state's root fields, the C stack and the
 * registers (spilled by setjmp). Any word that points into the pool, at a HEAD or inside its
 * TAIL blocks, keeps the allocation alive (a conservative collector: interior pointers count).
 * Marking uses a small explicit stack; when it overflows, a rescan of the heap finishes the
 * job, so deep structures never recurse on the C stack.
 * Sweep frees unmarked allocations, calling __del__ first for those with the finaliser bit.
 */
#include <setjmp.h>

#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "obj.h"
#include "state.h"

#define BLOCK           MT_CONFIG_GC_BLOCK
#define WORDS_PER_BLOCK (BLOCK / sizeof(mt_obj_t))
enum { FREE = 0, HEAD = 1, TAIL = 2, MARK = 3 };
#define MARK_STACK_SIZE 64
#define MAX_ROOTS       32

static struct {
    uint8_t *atb;  /* alloc table, 4 blocks per byte */
    uint8_t *ftb;  /* finaliser table, 8 blocks per byte */
    uint8_t *pool; /* first block */
    size_t n_blocks;
    size_t first_free; /* no free block below this index */
    size_t next_fit;   /* where the last allocation ended: the next search starts here */
    size_t high;       /* no block at or above this index has ever been allocated */
    size_t used_blocks;
    size_t peak_blocks;
    size_t alloc_since_gc; /* bytes allocated since the last collection */
    long threshold;        /* collect when alloc_since_gc exceeds it; -1: only when full */
    int lock_depth;
    bool enabled;
    bool stress;
    bool collecting;
    bool mark_overflow;
    size_t mark_sp;
    size_t mark_stack[MARK_STACK_SIZE];
    struct {
        void **start;
        size_t n;
    } roots[MAX_ROOTS];
    size_t n_roots;
} gc;

static inline unsigned get_state(size_t b) {
    return (gc.atb[b >> 2] >> ((b & 3) * 2)) & 3;
}

static inline void set_state(size_t b, unsigned s) {
    uint8_t *p = &gc.atb[b >> 2];
    unsigned shift = (b & 3) * 2;
    *p = (uint8_t)((*p & ~(3u << shift)) | (s << shift));
}

/* a byte of the alloc table: its four blocks all TAIL, or all FREE. Walks along an
 * allocation or a gap go a byte (four blocks) at a time where the table allows. */
#define ATB_ALL_TAIL 0xaa
#define ATB_ALL_FREE 0x00

static inline bool byte_is(size_t b, uint8_t v) {
    return (b & 3) == 0 && b + 4 <= gc.n_blocks && gc.atb[b >> 2] == v;
}

/* blocks [b, e) to state s (FREE or TAIL), whole bytes at once */
static inline void set_blocks(size_t b, size_t e, unsigned s) {
    uint8_t all = s == TAIL ? ATB_ALL_TAIL : ATB_ALL_FREE;
    if (e - b < 8) { /* most allocations: a block or two */
        for (; b < e; b++) set_state(b, s);
        return;
    }
    for (; b < e && (b & 3); b++) set_state(b, s);
    for (; b + 4 <= e; b += 4) gc.atb[b >> 2] = all;
    for (; b < e; b++) set_state(b, s);
}

static inline bool get_fin(size_t b) {
    return (gc.ftb[b >> 3] >> (b & 7)) & 1;
}
static inline void set_fin(size_t b, bool on) {
    if (on)
        gc.ftb[b >> 3] |= (uint8_t)(1u << (b & 7));
    else
        gc.ftb[b >> 3] &= (uint8_t) ~(1u << (b & 7));
}

static inline void *block_ptr(size_t b) {
    return gc.pool + b * BLOCK;
}

void mt_gc_init(void *start, void *end) {
    uintptr_t s = ((uintptr_t)start + 7) & ~(uintptr_t)7;
    size_t total = (uintptr_t)end - s;
    /* each block costs BLOCK bytes + 2 bits + 1 bit of tables */
    size_t n = (total * 8) / (BLOCK * 8 + 3);
    memset(&gc, 0, sizeof(gc));
    gc.atb = (uint8_t *)s;
    gc.ftb = gc.atb + (n + 3) / 4;
    uintptr_t pool = (uintptr_t)(gc.ftb + (n + 7) / 8);
    pool = (pool + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1);
    while (n > 0 && pool + n * BLOCK > (uintptr_t)end) n--;
    gc.pool = (uint8_t *)pool;
    gc.n_blocks = n;
    memset(gc.atb, 0, (uintptr_t)gc.pool - (uintptr_t)gc.atb);
    gc.enabled = true;
    gc.threshold = -1;
    gc.stress = MT_CONFIG_GC_STRESS;
}

void mt_gc_add_root(void *start, size_t n_words) {
    if (gc.n_roots < MAX_ROOTS) {
        gc.roots[gc.n_roots].start = (void **)start;
        gc.roots[gc.n_roots].n = n_words;
        gc.n_roots++;
    }
}

bool mt_gc_is_heap_ptr(const void *p) {
    return (const uint8_t *)p >= gc.pool && (const uint8_t *)p < gc.pool + gc.n_blocks * BLOCK;
}

/* the HEAD block of the allocation containing p, or SIZE_MAX */
static size_t head_of(const void *p) {
    if (!mt_gc_is_heap_ptr(p)) return SIZE_MAX;
    size_t b = (size_t)((const uint8_t *)p - gc.pool) / BLOCK;
    unsigned s = get_state(b);
    if (s == FREE) return SIZE_MAX;
    while (s == TAIL) {
        if (b >= 4 && byte_is(b - 4, ATB_ALL_TAIL)) {
            b -= 4; /* b stays a TAIL */
            continue;
        }
        s = get_state(--b);
    }
    return b;
}

/* the first block after the TAIL blocks from e on */
static inline size_t tail_end(size_t e) {
    while (e < gc.n_blocks && get_state(e) == TAIL) e += byte_is(e, ATB_ALL_TAIL) ? 4 : 1;
    return e;
}

static size_t alloc_len(size_t head) {
    return tail_end(head + 1) - head;
}

/* ---- marking */

static void mark_block(size_t b) {
    if (get_state(b) != HEAD) return;
    set_state(b, MARK);
    if (gc.mark_sp < MARK_STACK_SIZE)
        gc.mark_stack[gc.mark_sp++] = b;
    else
        gc.mark_overflow = true;
}

static void mark_word(uintptr_t w) {
    size_t b = head_of((const void *)w);
    if (b != SIZE_MAX) mark_block(b);
}

/* reads every word of the C stack, red zones included: not instrumented by ASan */
#if defined(__has_attribute)
#if __has_attribute(no_sanitize_address)
#define NO_ASAN __attribute__((no_sanitize_address))
#endif
#endif
#ifndef NO_ASAN
#define NO_ASAN
#endif

NO_ASAN static void scan_range(void *const *p, size_t n) {
    for (size_t i = 0; i < n; i++) mark_word((uintptr_t)p[i]);
}

static void drain_mark_stack(void) {
    while (gc.mark_sp > 0) {
        size_t b = gc.mark_stack[--gc.mark_sp];
        scan_range((void *const *)block_ptr(b), alloc_len(b) * WORDS_PER_BLOCK);
    }
}

/* after an overflow: rescan every marked allocation until nothing new is marked */
static void finish_overflow(void) {
    while (gc.mark_overflow) {
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.high; b++) {
            if (get_state(b) == MARK) {
                scan_range((void *const *)block_ptr(b), alloc_len(b) * WORDS_PER_BLOCK);
                drain_mark_stack();
            }
        }
    }
}

static void mark_roots_and_stack(void) {
    for (size_t i = 0; i < gc.n_roots; i++) {
        scan_range(gc.roots[i].start, gc.roots[i].n);
        drain_mark_stack();
    }
    scan_range((void *const *)&mt_state,
               (size_t)((char *)&mt_state.roots_end - (char *)&mt_state) / sizeof(void *));
    drain_mark_stack();
    /* spills callee-saved registers onto the stack we scan next; zeroed first, for setjmp
     * writes only part of it and the rest would be stale stack (false retention) */
    jmp_buf regs;
    memset(&regs, 0, sizeof regs);
    setjmp(regs);
    char *sp = mt_hal_stack_pointer();
    uintptr_t lo = ((uintptr_t)sp) & ~(uintptr_t)(sizeof(void *) - 1);
    if (mt_state.stack_top && (char *)lo < mt_state.stack_top) {
        scan_range((void *const *)lo,
                   (size_t)((uintptr_t)mt_state.stack_top - lo) / sizeof(void *));
    }
    scan_range((void *const *)&regs, sizeof(regs) / (sizeof(void *)));
    drain_mark_stack();
    finish_overflow();
}

/* ---- sweeping */

static void run_finaliser(size_t b) {
    mt_obj_base_t *o = (mt_obj_base_t *)block_ptr(b);
    if (o->type == NULL || o->type->locals == NULL) return;
    mt_map_elem_t *e = mt_map_lookup_qstr(o->type->locals, MT_QSTR___del__);
    if (e == NULL) return;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_call1(e->value, (mt_obj_t)o);
        mt_nlr_pop();
    } /* an exception in __del__ is ignored */
}

static void free_run(size_t b) {
    size_t e = tail_end(b + 1);
    gc.used_blocks -= e - b;
    set_blocks(b, e, FREE);
}

static void sweep(void) {
    for (size_t b = 0; b < gc.high; b++) {
        if ((b & 3) == 0 && gc.atb[b >> 2] == 0) { /* four free blocks */
            b += 3;
            continue;
        }
        unsigned s = get_state(b);
        if (s == MARK) {
            set_state(b, HEAD);
        } else if (s == HEAD) {
            if (get_fin(b)) {
                set_fin(b, false);
                run_finaliser(b);
            }
            free_run(b);
            if (b < gc.first_free) gc.first_free = b;
        }
    }
}

void mt_gc_collect(void) {
    if (gc.collecting || gc.n_blocks == 0) return;
    gc.collecting = true;
    gc.lock_depth++; /* finalisers must not allocate */
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    mark_roots_and_stack();
    sweep();
    gc.lock_depth--;
    gc.alloc_since_gc = 0;
    gc.next_fit = gc.first_free;
    gc.collecting = false;
}

/* ---- allocation */

/* bytes allocated between collections: gc.threshold() when set, else a sixteenth of the heap,
 * so a program's working set (and a host process's RSS) stays near its live data instead
 * of sweeping through the whole heap before the first collection */
static size_t collect_after(void) {
    return gc.threshold >= 0 ? (size_t)gc.threshold : gc.n_blocks * BLOCK / 16;
}

/* a byte of the alloc table whose 4 blocks are all in use */
static inline bool byte_full(uint8_t v) {
    return (v & 0x03) && (v & 0x0c) && (v & 0x30) && (v & 0xc0);
}

static size_t find_run_in(size_t from, size_t to, size_t n) {
    size_t run = 0;
    for (size_t b = from; b < to; b++) {
        if ((b & 3) == 0 && b + 4 <= to) { /* a whole byte: four blocks at once if it can */
            uint8_t v = gc.atb[b >> 2];
            if (v == ATB_ALL_FREE) {
                run += 4;
                b += 3;
                if (run >= n) return b + 1 - run;
                continue;
            }
            if (run == 0 && byte_full(v)) {
                b += 3;
                continue;
            }
        }
        if (get_state(b) == FREE) {
            if (++run == n) return b + 1 - n;
        } else {
            run = 0;
        }
    }
    return SIZE_MAX;
}

/* next fit: from where the last allocation ended, then from the lowest free block. Starting
 * at first_free every time would rescan the same fragmented prefix for every allocation. */
static size_t find_free_run(size_t n) {
    size_t start = gc.next_fit > gc.first_free ? gc.next_fit : gc.first_free;
    size_t b = find_run_in(start, gc.n_blocks, n);
    if (b == SIZE_MAX && start > gc.first_free) {
        size_t end = start + n - 1 < gc.n_blocks ? start + n - 1 : gc.n_blocks;
        b = find_run_in(gc.first_free, end, n);
    }
    return b;
}

static void *alloc_blocks(size_t nbytes, bool fin) {
    if (gc.lock_depth > 0 || gc.n_blocks == 0) return NULL;
    if (nbytes == 0) nbytes = 1;
    size_t n = (nbytes + BLOCK - 1) / BLOCK;
    if (gc.enabled && (gc.stress || gc.alloc_since_gc > collect_after())) mt_gc_collect();
    size_t b = find_free_run(n);
    if (b == SIZE_MAX && gc.enabled) {
        mt_gc_collect();
        b = find_free_run(n);
    }
    if (b == SIZE_MAX) return NULL;
    set_state(b, HEAD);
    set_blocks(b + 1, b + n, TAIL);
    set_fin(b, fin);
    if (b == gc.first_free) gc.first_free = b + n;
    gc.next_fit = b + n;
    if (b + n > gc.high) gc.high = b + n;
    gc.used_blocks += n;
    if (gc.used_blocks > gc.peak_blocks) gc.peak_blocks = gc.used_blocks;
    gc.alloc_since_gc += n * BLOCK;
    void *p = block_ptr(b);
    memset(p, 0, n * BLOCK);
    return p;
}

void *mt_alloc_maybe(size_t n) {
    return alloc_blocks(n, false);
}

void *mt_alloc(size_t n) {
    void *p = alloc_blocks(n, false);
    if (p == NULL) mt_raise_memory_error();
    return p;
}

void *mt_alloc_with_finaliser(size_t n) {
    void *p = alloc_blocks(n, true);
    if (p == NULL) mt_raise_memory_error();
    return p;
}

void mt_free(void *p) {
    if (gc.collecting || p == NULL) return;
    size_t b = head_of(p);
    if (b == SIZE_MAX || block_ptr(b) != p) return;
    set_fin(b, false);
    free_run(b);
    if (b < gc.first_free) gc.first_free = b;
}

size_t mt_gc_nbytes(const void *p) {
    size_t b = head_of(p);
    return b == SIZE_MAX ? 0 : alloc_len(b) * BLOCK;
}

/* grow or shrink in place when the neighbouring blocks allow, else move */
void *mt_realloc(void *p, size_t n) {
    if (p == NULL) return mt_alloc(n);
    size_t b = head_of(p);
    if (b == SIZE_MAX || block_ptr(b) != p) return mt_alloc(n);
    size_t have = alloc_len(b), want = (n + BLOCK - 1) / BLOCK;
    if (want == 0) want = 1;
    if (want <= have) {
        for (size_t i = b + want; i < b + have; i++) set_state(i, FREE);
        gc.used_blocks -= have - want;
        if (b + want < gc.first_free) gc.first_free = b + want;
        return p;
    }
    size_t e = b + have;
    while (e < b + want && e < gc.n_blocks && get_state(e) == FREE) e++;
    if (e == b + want && gc.lock_depth == 0) {
        for (size_t i = b + have; i < e; i++) set_state(i, TAIL);
        if (e > gc.high) gc.high = e;
        memset(block_ptr(b + have), 0, (want - have) * BLOCK);
        gc.used_blocks += want - have;
        if (gc.used_blocks > gc.peak_blocks) gc.peak_blocks = gc.used_blocks;
        gc.alloc_since_gc += (want - have) * BLOCK;
        if (gc.first_free >= b + have && gc.first_free < e) gc.first_free = e;
        return p;
    }
    void *q = mt_alloc(n);
    memcpy(q, p, have * BLOCK);
    mt_free(p);
    return q;
}

/* ---- control and statistics */

void mt_gc_lock(void) {
    gc.lock_depth++;
}
void mt_gc_unlock(void) {
    if (gc.lock_depth > 0) gc.lock_depth--;
}
bool mt_gc_is_locked(void) {
    return gc.lock_depth > 0;
}
void mt_gc_enable(bool on) {
    gc.enabled = on;
}
bool mt_gc_is_enabled(void) {
    return gc.enabled;
}
void mt_gc_set_threshold(long bytes) {
    gc.threshold = bytes;
}
long mt_gc_get_threshold(void) {
    return gc.threshold;
}
void mt_gc_set_stress(bool on) {
    gc.stress = on;
}

void mt_gc_info(mt_gc_info_t *info) {
    memset(info, 0, sizeof(*info));
    info->total = gc.n_blocks * BLOCK;
    info->used = gc.used_blocks * BLOCK;
    info->free = info->total - info->used;
    info->peak_used = gc.peak_blocks * BLOCK;
    size_t run = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        unsigned s = get_state(b);
        if (s == FREE) {
            if (++run * BLOCK > info->max_free_block) info->max_free_block = run * BLOCK;
        } else {
            run = 0;
        }
        if (s == HEAD || s == MARK) {
            size_t len = alloc_len(b);
            if (len == 1)
                info->n_blocks_1++;
            else if (len == 2)
                info->n_blocks_2++;
            if (len > info->n_blocks_max) info->n_blocks_max = len;
        }
    }
}
