/* The garbage collector: one fixed heap region, blocks of MT_CONFIG_GC_BLOCK bytes,
 * 2 bits of state per block (free / head / tail / mark) and 1 finaliser bit per block.
 * Mark-sweep: roots are the registered root ranges plus a conservative scan of the C stack
 * and registers. See core/gc.c for the layout. */
#ifndef MT_GC_H
#define MT_GC_H

#include <stdbool.h>
#include <stddef.h>

void mt_gc_init(void *start, void *end);
void mt_gc_collect(void);
/* register a range of words holding object pointers (statics outside the heap) */
void mt_gc_add_root(void *start, size_t n_words);
void mt_gc_set_stack_top(void *top); /* the C stack's base, recorded by main */
void mt_gc_lock(void);               /* micropython.heap_lock(): allocation raises */
void mt_gc_unlock(void);
bool mt_gc_is_locked(void);
void mt_gc_enable(bool on);
bool mt_gc_is_enabled(void);
void mt_gc_set_threshold(long bytes); /* collect after this many bytes allocated; -1 off */
long mt_gc_get_threshold(void);
void mt_gc_set_stress(bool on);
typedef struct {
    size_t total, used, free; /* bytes */
    size_t max_free_block;    /* bytes, largest contiguous free run */
    size_t n_blocks_1, n_blocks_2, n_blocks_max;
    size_t peak_used; /* high-water mark of used bytes */
} mt_gc_info_t;
void mt_gc_info(mt_gc_info_t *info);
size_t mt_gc_nbytes(const void *p); /* size of the allocation containing p (0 if none) */
bool mt_gc_is_heap_ptr(const void *p);

#endif
