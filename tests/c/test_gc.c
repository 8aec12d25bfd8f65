/* Unit tests of the garbage collector (core/gc.c) through its public API, on a small heap
 * like the chip's. Run by tests/run.py (host target); prints `N passed, N failed`.
 *
 * Objects the tests want collected are remembered only as "hidden" pointers (xor-ed with a
 * mask, so the conservative scan does not see them), and the stack is scrubbed before each
 * collection so stale copies in dead frames do not keep them alive. */
#include <stdio.h>
#include <string.h>

#include "gc.h"
#include "nlr.h"
#include "obj.h"
#include "state.h"

#define HEAP_SIZE (38 * 1024)
#define BLOCK     MT_CONFIG_GC_BLOCK
#define HIDE(p)   ((uintptr_t)(p) ^ (uintptr_t)0xa5a5a5a5a5a5a5a5ull)
#define UNHIDE(h) ((void *)((h) ^ (uintptr_t)0xa5a5a5a5a5a5a5a5ull))
#define N_HIDDEN  200

static uint8_t heap[HEAP_SIZE] __attribute__((aligned(16)));
static volatile uintptr_t hidden[N_HIDDEN];
static int n_passed, n_failed;
static bool test_ok;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                      \
            test_ok = false;                                                                       \
        }                                                                                          \
    } while (0)

static void run(const char *name, void (*fn)(void)) {
    char top;
    mt_init(heap, sizeof(heap), (char *)((uintptr_t)&top + 256), 64 * 1024);
    /* collections only where a test asks (or when the heap is full): the automatic one
     * after a share of the heap would change the counts the tests check */
    mt_gc_set_threshold(sizeof(heap));
    test_ok = true;
    fn();
    if (test_ok) {
        n_passed++;
    } else {
        printf("FAIL %s\n", name);
        n_failed++;
    }
}

static size_t used(void) {
    mt_gc_info_t info;
    mt_gc_info(&info);
    return info.used;
}

/* overwrite the dead stack below the caller, where stale pointers linger */
static __attribute__((noinline)) void scrub_stack(void) {
    volatile char buf[32 * 1024];
    memset((char *)buf, 0, sizeof(buf));
}

static __attribute__((noinline)) void collect(void) {
    scrub_stack();
    mt_gc_collect();
}

static size_t count_alive(size_t n) {
    size_t alive = 0;
    for (size_t i = 0; i < n; i++) alive += mt_gc_nbytes(UNHIDE(hidden[i])) != 0;
    return alive;
}

/* n allocations of size bytes, remembered only in hidden[] */
static __attribute__((noinline)) void alloc_hidden(size_t n, size_t size, bool fin) {
    for (size_t i = 0; i < n; i++) {
        void *p = fin ? mt_alloc_with_finaliser(size) : mt_alloc(size);
        hidden[i] = HIDE(p);
    }
}

/* ---- tests */

static void test_alloc_zeroed_aligned(void) {
    size_t before = used();
    uint8_t *p = mt_alloc(3 * BLOCK + 1);
    CHECK(p != NULL);
    CHECK(((uintptr_t)p % BLOCK) == 0);
    CHECK(mt_gc_is_heap_ptr(p));
    CHECK(mt_gc_nbytes(p) == 4 * BLOCK);
    CHECK(mt_gc_nbytes(p + 2 * BLOCK + 5) == 4 * BLOCK); /* interior pointer */
    bool zero = true;
    for (size_t i = 0; i < 4 * BLOCK; i++) zero &= p[i] == 0;
    CHECK(zero);
    CHECK(used() - before == 4 * BLOCK);
    uint8_t local = 0;
    CHECK(!mt_gc_is_heap_ptr(&local));
    CHECK(mt_gc_nbytes(&local) == 0);
}

static void test_unreachable_freed(void) {
    size_t before = used();
    alloc_hidden(100, 2 * BLOCK, false);
    CHECK(count_alive(100) == 100);
    CHECK(used() - before == 200 * BLOCK);
    collect();
    /* a conservative scan may keep the odd one through a stale register */
    size_t alive = count_alive(100);
    CHECK(alive <= 2);
    CHECK(used() <= before + alive * 2 * BLOCK);
}

static void **root_table[4];

static void test_roots_kept(void) {
    mt_gc_add_root(root_table, MT_ARRAY_SIZE(root_table));
    void **a = mt_alloc(4 * sizeof(void *));
    void **b = mt_alloc(4 * sizeof(void *));
    char *c = mt_alloc(100);
    strcpy(c, "kept alive through a chain");
    a[1] = b; /* root -> a -> b -> c (interior pointer) */
    b[2] = c + 10;
    root_table[0] = a;
    hidden[0] = HIDE(a), hidden[1] = HIDE(b), hidden[2] = HIDE(c);
    a = b = NULL;
    c = NULL;
    collect();
    CHECK(count_alive(3) == 3);
    c = UNHIDE(hidden[2]);
    CHECK(strcmp(c, "kept alive through a chain") == 0);
    root_table[0] = NULL;
    c = NULL;
    collect();
    CHECK(count_alive(3) <= 1);
}

static void test_state_roots_kept(void) {
    mt_obj_t list = mt_list_new(0, NULL);
    mt_state.extra[3] = list;
    hidden[0] = HIDE(list);
    list = MT_NULL;
    collect();
    CHECK(count_alive(1) == 1);
    mt_state.extra[3] = MT_NULL;
    collect();
    CHECK(count_alive(1) == 0);
}

static __attribute__((noinline)) void check_stack_kept(void) {
    collect();
    CHECK(count_alive(1) == 1);
}

static void test_stack_scan(void) {
    volatile uintptr_t on_stack = (uintptr_t)mt_alloc(5 * BLOCK);
    hidden[0] = HIDE(on_stack);
    check_stack_kept();
    CHECK(mt_gc_nbytes((void *)on_stack) == 5 * BLOCK);
    on_stack = 0;
    collect();
    CHECK(count_alive(1) == 0);
}

static int n_finalised;

static mt_obj_t fin_del(mt_obj_t self) {
    n_finalised++;
    return MT_NONE;
}
static MT_DEFINE_FUN_1(fin_del_obj, fin_del);
static const mt_map_elem_t fin_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___del__), MT_ROM_PTR(&fin_del_obj)},
};
static MT_DEFINE_CONST_MAP(fin_locals, fin_locals_table);
static const mt_type_t fin_type = {{&mt_type_type}, .name = MT_QSTR___del__, .locals = &fin_locals};

static __attribute__((noinline)) void alloc_finalisable(size_t n) {
    for (size_t i = 0; i < n; i++) {
        mt_obj_base_t *o = mt_alloc_with_finaliser(sizeof(mt_obj_base_t));
        o->type = &fin_type;
        hidden[i] = HIDE(o);
    }
}

static void test_finalisers(void) {
    n_finalised = 0;
    alloc_finalisable(20);
    root_table[0] = UNHIDE(hidden[5]); /* this one stays */
    mt_gc_add_root(root_table, 1);
    collect();
    CHECK(n_finalised >= 17 && n_finalised <= 19);
    CHECK(mt_gc_nbytes(UNHIDE(hidden[5])) != 0);
    int after_first = n_finalised;
    collect(); /* each finaliser runs once */
    CHECK(n_finalised == after_first);
    root_table[0] = NULL;
    collect();
    CHECK(n_finalised >= 18);
    /* without the finaliser flag nothing runs */
    n_finalised = 0;
    mt_obj_base_t *plain = mt_alloc(sizeof(mt_obj_base_t));
    plain->type = &fin_type;
    plain = NULL;
    collect();
    CHECK(n_finalised == 0);
}

static void test_free(void) {
    size_t before = used();
    void *p[40];
    for (int i = 0; i < 40; i++) p[i] = mt_alloc(BLOCK);
    CHECK(used() - before == 40 * BLOCK);
    for (int i = 0; i < 40; i += 2) mt_free(p[i]);
    CHECK(used() - before == 20 * BLOCK);
    CHECK(mt_gc_nbytes(p[0]) == 0 && mt_gc_nbytes(p[1]) == BLOCK);
    for (int i = 1; i < 40; i += 2) mt_free(p[i]);
    CHECK(used() == before);
    mt_free(NULL);
    mt_free(&before); /* not in the heap: ignored */
    CHECK(used() == before);
}

/* fill the heap with 1-block objects chained from a root (so all stay alive) */
static __attribute__((noinline)) size_t fill_heap(void) {
    size_t n = 0;
    void **p;
    while ((p = mt_alloc_maybe(BLOCK)) != NULL) {
        p[0] = (void *)mt_state.extra[0];
        mt_state.extra[0] = (mt_obj_t)p;
        n++;
    }
    return n;
}

/* free every other object of the chain; returns how many were freed */
static size_t free_every_other(void) {
    size_t k = 0;
    for (void **keep = (void **)mt_state.extra[0]; keep && keep[0]; keep = keep[0]) {
        void **drop = keep[0];
        keep[0] = drop[0];
        mt_free(drop);
        k++;
        if (!keep[0]) break;
    }
    return k;
}

/* half the heap free in single-block holes: small allocations fit, big ones don't */
static void test_fragmentation(void) {
    mt_gc_collect();
    size_t n = fill_heap();
    mt_gc_info_t info;
    mt_gc_info(&info);
    CHECK(n > 0 && info.free < BLOCK);
    size_t k = free_every_other();
    mt_gc_info(&info);
    CHECK(info.free == k * BLOCK);
    CHECK(info.max_free_block < 4 * BLOCK);
    CHECK(info.free > info.max_free_block + BLOCK);
    CHECK(mt_alloc_maybe(info.max_free_block + BLOCK) == NULL);
    mt_state.extra[1] = MT_NULL;
    size_t refilled = 0;
    void **q;
    while (refilled <= k && (q = mt_alloc_maybe(BLOCK)) != NULL) {
        q[0] = (void *)mt_state.extra[1];
        mt_state.extra[1] = (mt_obj_t)q;
        refilled++;
    }
    CHECK(refilled == k);
    mt_state.extra[0] = mt_state.extra[1] = MT_NULL;
    collect();
    mt_gc_info(&info);
    CHECK(info.max_free_block > info.total / 2);
}

static void test_mem_exact(void) {
    mt_gc_collect();
    size_t sizes[] = {1, BLOCK - 1, BLOCK, BLOCK + 1, 7 * BLOCK, 100};
    for (size_t i = 0; i < MT_ARRAY_SIZE(sizes); i++) {
        size_t before = used();
        void *p = mt_alloc(sizes[i]);
        size_t blocks = (sizes[i] + BLOCK - 1) / BLOCK;
        CHECK(used() - before == blocks * BLOCK);
        CHECK(mt_gc_nbytes(p) == blocks * BLOCK);
        mt_free(p);
        CHECK(used() == before);
    }
    mt_gc_info_t info;
    mt_gc_info(&info);
    CHECK(info.total <= HEAP_SIZE);
    CHECK(info.total >= HEAP_SIZE * 9 / 10);
    CHECK(info.peak_used >= info.used);
}

static void test_exhaustion(void) {
    size_t n = 0;
    void *p;
    while ((p = mt_alloc_maybe(256)) != NULL) {
        *(mt_obj_t *)p = mt_state.extra[0]; /* a chain from a root keeps every one alive */
        mt_state.extra[0] = (mt_obj_t)p;
        n++;
        if (n > HEAP_SIZE) break;
    }
    CHECK(p == NULL);
    CHECK(n > 0 && n < HEAP_SIZE / 256);
    mt_nlr_buf_t nlr;
    bool raised = false;
    if (mt_nlr_push(&nlr) == 0) {
        mt_alloc(HEAP_SIZE);
        mt_nlr_pop();
    } else {
        raised = mt_isinstance(nlr.ret_val, &mt_type_MemoryError);
    }
    CHECK(raised);
    mt_state.extra[0] = MT_NULL;
    collect();
    CHECK(mt_alloc_maybe(256) != NULL); /* memory comes back after a collection */
    mt_gc_info_t info;
    mt_gc_info(&info);
    CHECK(info.peak_used >= info.total - 512);
}

static void test_lock(void) {
    mt_gc_lock();
    CHECK(mt_gc_is_locked());
    CHECK(mt_alloc_maybe(16) == NULL);
    mt_gc_unlock();
    CHECK(!mt_gc_is_locked());
    CHECK(mt_alloc_maybe(16) != NULL);
}

static void test_realloc(void) {
    char *p = mt_alloc(BLOCK);
    memset(p, 'x', BLOCK);
    p = mt_realloc(p, 5 * BLOCK);
    CHECK(mt_gc_nbytes(p) == 5 * BLOCK);
    bool kept = true, zeroed = true;
    for (size_t i = 0; i < BLOCK; i++) kept &= p[i] == 'x';
    for (size_t i = BLOCK; i < 5 * BLOCK; i++) zeroed &= p[i] == 0;
    CHECK(kept);
    CHECK(zeroed);
    size_t before = used();
    p = mt_realloc(p, 2 * BLOCK);
    CHECK(mt_gc_nbytes(p) == 2 * BLOCK);
    CHECK(before - used() == 3 * BLOCK);
    CHECK(p[0] == 'x');
}

typedef struct node {
    struct node *next;
    size_t value;
} node_t;

/* a long chain overflows the mark stack: the rescan must still keep every node */
static void test_deep_chain(void) {
    node_t *head = NULL;
    size_t n = 0;
    while (n < 600) {
        node_t *nd = mt_alloc_maybe(sizeof(node_t));
        if (nd == NULL) break;
        nd->next = head;
        nd->value = n++;
        head = nd;
    }
    root_table[0] = (void **)head;
    mt_gc_add_root(root_table, 1);
    head = NULL;
    collect();
    size_t count = 0, sum = 0;
    for (node_t *nd = (node_t *)root_table[0]; nd && count <= n; nd = nd->next) {
        count++;
        sum += nd->value;
    }
    CHECK(count == n);
    CHECK(sum == n * (n - 1) / 2);
    root_table[0] = NULL;
}

static void test_disable(void) {
    mt_gc_enable(false);
    CHECK(!mt_gc_is_enabled());
    alloc_hidden(10, BLOCK, false);
    mt_gc_enable(true);
    collect();
    CHECK(count_alive(10) <= 1);
}

int main(void) {
    run("alloc_zeroed_aligned", test_alloc_zeroed_aligned);
    run("unreachable_freed", test_unreachable_freed);
    run("roots_kept", test_roots_kept);
    run("state_roots_kept", test_state_roots_kept);
    run("stack_scan", test_stack_scan);
    run("finalisers", test_finalisers);
    run("free", test_free);
    run("fragmentation", test_fragmentation);
    run("mem_exact", test_mem_exact);
    run("exhaustion", test_exhaustion);
    run("lock", test_lock);
    run("realloc", test_realloc);
    run("deep_chain", test_deep_chain);
    run("disable", test_disable);
    printf("%d passed, %d failed\n", n_passed, n_failed);
    return n_failed != 0;
}
