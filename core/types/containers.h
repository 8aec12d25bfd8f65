/* Containers: tuple, list, dict, set/frozenset, range, slice and the iterator types
 * (core/types/tuple.c list.c dict.c set.c range.c slice.c iter.c). Layouts and helpers
 * shared between them and with the rest of the core (builtins, collections, json ...).
 *
 * Every function taking a "list" (tuple, dict, set) also accepts an instance of a user
 * subclass: the built-in object lives in the instance's .native (see mt_native_of). */
#ifndef MT_CONTAINERS_H
#define MT_CONTAINERS_H

#include "obj.h"

/* ---- layouts ---------------------------------------------------------------------------- */

/* set and frozenset: an open-addressing table laid out and probed as CPython's, so that
 * iteration order (slot order) matches CPython's wherever hashes agree (ints).
 * A slot is unused (key MT_NULL), active, or a removed entry (key MT_SET_DUMMY). */
typedef struct {
    mt_obj_t key;
    mt_int_t hash;
} mt_set_entry_t;
#define MT_SET_DUMMY MT_SENTINEL
typedef struct {
    mt_obj_base_t base;    /* &mt_type_set or &mt_type_frozenset */
    size_t fill;           /* active + dummy slots */
    size_t used;           /* active slots: the len() */
    size_t mask;           /* slots - 1 (slots a power of 2, >= 8) */
    size_t finger;         /* where pop() looks first */
    mt_set_entry_t *table; /* NULL until the first element */
    mt_int_t hash;         /* frozenset: cached hash, 0 = not computed */
} mt_set_t;

/* range(start, stop, step): bounds held as C ints, or (when one does not fit) as int objects
 * in the tuple big */
typedef struct {
    mt_obj_base_t base;
    mt_int_t start, stop, step; /* step != 0; unused when big is set */
    mt_obj_t big;               /* MT_NULL, or (start, stop, step) */
} mt_range_t;

/* dict_keys / dict_values / dict_items */
typedef enum { MT_DICT_VIEW_KEYS, MT_DICT_VIEW_VALUES, MT_DICT_VIEW_ITEMS } mt_dict_view_kind_t;
typedef struct {
    mt_obj_base_t base;
    mt_obj_t dict;
    mt_dict_view_kind_t kind;
} mt_dict_view_t;

/* the one empty tuple (const: tuple() and () never allocate) */
extern const mt_tuple_t mt_const_empty_tuple;
#define MT_EMPTY_TUPLE MT_OBJ_FROM_PTR(&mt_const_empty_tuple)

/* the built-in object behind o when o is a t or an instance of a user subclass of t, whose
 * .native carries the t; MT_NULL otherwise */
mt_obj_t mt_native_of(mt_obj_t o, const mt_type_t *t);

/* copy n items (the arrays may overlap; either may be NULL when n is 0) */
static inline void mt_copy_items(mt_obj_t *dst, const mt_obj_t *src, size_t n) {
    if (n) memmove(dst, src, n * sizeof(mt_obj_t));
}

/* ---- sequences (tuple.c): helpers over an item array ------------------------------------ */

/* a sequence index for t[index] of a t of len items: small ints fast, __index__ otherwise;
 * TypeError "<t> indices must be integers or slices, not <type>", IndexError
 * "<t> index out of range" */
size_t mt_seq_get_index(const mt_type_t *t, size_t len, mt_obj_t index);
/* number of items a resolved slice selects */
size_t mt_slice_len(mt_int_t start, mt_int_t stop, mt_int_t step);
/* resolve a slice object against len: the first index, the step and the count */
size_t mt_slice_resolve(mt_obj_t slice, size_t len, mt_int_t *start, mt_int_t *step);
/* out[i] = items[start + i * step] for i < n */
void mt_seq_copy_slice(mt_obj_t *out, const mt_obj_t *items, mt_int_t start, mt_int_t step,
                       size_t n);
bool mt_seq_contains(const mt_obj_t *items, size_t n, mt_obj_t x);
/* lexicographic comparison of two arrays for op LT..GE (EQ/NE first by length) */
bool mt_seq_compare(mt_binop_t op, const mt_obj_t *a, size_t na, const mt_obj_t *b, size_t nb);
/* seq.index(x[, start[, stop]]) and seq.count(x) over items; args[0] is self */
mt_obj_t mt_seq_index(const mt_obj_t *items, size_t len, size_t n_args, const mt_obj_t *args);
mt_obj_t mt_seq_count(const mt_obj_t *items, size_t len, mt_obj_t x);
/* write items as `open` repr, repr ... `close`; tuple_1 adds the trailing comma of (1,) */
void mt_seq_print(const mt_print_t *p, const mt_obj_t *items, size_t n, const char *open,
                  const char *close, bool tuple_1);
/* n * count items (sequence repetition); raises MemoryError/OverflowError when too big */
/* seq * rhs with rhs a user object: true when rhs has __index__ and no __rmul__ */
bool mt_seq_repeat_by_index(mt_obj_t rhs);
mt_obj_t *mt_seq_repeat(const mt_obj_t *items, size_t n, mt_obj_t times, size_t *out_n);

/* Recursion guard for repr of containers that may contain themselves: prints o with fn, or
 * `cycle` (e.g. "[...]") when o is already being printed further up the stack. */
void mt_print_guarded(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind, mt_print_fun_t fn,
                      const char *cycle);

/* true when repr(o) cannot lead back to a container (immediates, str, bytes, numbers): a
 * container holding only such items needs no recursion guard */
bool mt_repr_is_leaf(mt_obj_t o);

/* o's class (a user class) defines __iter__ in Python */
bool mt_overrides_iter(mt_obj_t o);
/* the list or tuple whose items iterating o yields: o itself when an exact list/tuple, the
 * native of a subclass instance that keeps the built-in iteration; else MT_NULL */
mt_obj_t mt_array_of(mt_obj_t o);

/* true when iterating o in C can use its item array directly (exact tuple or list) */
#define MT_IS_ARRAY(o) (MT_IS_TYPE(o, &mt_type_tuple) || MT_IS_TYPE(o, &mt_type_list))

/* ---- tuple / list ----------------------------------------------------------------------- */
mt_obj_t mt_tuple_from_iter(mt_obj_t iterable);
mt_obj_t mt_list_from_iter(mt_obj_t iterable);
void mt_list_extend(mt_obj_t list, mt_obj_t iterable);
/* remove and return list[index] (negative from the end); IndexError when out of range */
mt_obj_t mt_list_pop(mt_obj_t list, mt_int_t index);
void mt_list_insert(mt_obj_t list, mt_int_t index, mt_obj_t item);
void mt_list_clear(mt_obj_t list);
/* list.sort(key=key or MT_NONE, reverse=...): stable */
void mt_list_sort(mt_obj_t list, mt_obj_t key, bool reverse);
/* sort keys[0..n) in place, stably, with `<`; values (or NULL) move with their keys. If a
 * comparison raises, sorting stops, the arrays stay a permutation, and the exception is
 * re-raised. */
void mt_sort_array(mt_obj_t *keys, mt_obj_t *values, size_t n);
/* a < b with fast paths for small ints, strs and floats (raises as `<` does) */
bool mt_lt(mt_obj_t a, mt_obj_t b);

/* ---- dict ------------------------------------------------------------------------------- */
bool mt_obj_is_dict(mt_obj_t o); /* dict or a subclass */
mt_obj_t mt_dict_copy(mt_obj_t d);
/* d.update(other): a mapping (dict or anything with keys()) or an iterable of pairs */
void mt_dict_update(mt_obj_t d, mt_obj_t other);
/* store n_kw (key qstr obj, value) pairs */
void mt_dict_update_kw(mt_obj_t d, size_t n_kw, const mt_obj_t *kw);
/* remove key; returns its value, or deflt (MT_NULL: KeyError) when absent */
mt_obj_t mt_dict_pop(mt_obj_t d, mt_obj_t key, mt_obj_t deflt);
/* the kwargs map of a KW builtin as a new dict (empty if kw is NULL) */
mt_obj_t mt_dict_from_map(const mt_map_t *kw);

/* ---- set -------------------------------------------------------------------------------- */
bool mt_obj_is_set(mt_obj_t o); /* set, frozenset or a subclass */
mt_obj_t mt_set_from_iter(mt_obj_t iterable, bool frozen);
bool mt_set_contains(mt_obj_t set, mt_obj_t item);
bool mt_set_discard(mt_obj_t set, mt_obj_t item);

/* ---- range ------------------------------------------------------------------------------ */
mt_obj_t mt_range_new(mt_int_t start, mt_int_t stop, mt_int_t step);
mt_uint_t mt_range_len(const mt_range_t *r); /* a range with C-int bounds (big == MT_NULL) */

/* ---- iterators (iter.c) ------------------------------------------------------------------ */
/* the getiter slot of iterator types: an iterator is its own iterator */
mt_obj_t mt_iter_self(mt_obj_t o, mt_iter_buf_t *buf);
mt_obj_t mt_range_reversed(mt_obj_t range);
mt_obj_t mt_dict_reversed(mt_obj_t dict, mt_dict_view_kind_t kind);
mt_obj_t mt_dict_view_reversed(mt_obj_t o); /* MT_NULL if o is not a dict view */

/* iterator over items[n-1] .. items[0] of a list or tuple (re-checks the length each step) */
mt_obj_t mt_reversed_array_iter(mt_obj_t seq);
/* iter(callable, sentinel) */
mt_obj_t mt_callable_iter_new(mt_obj_t fun, mt_obj_t sentinel);
/* reversed(o) as the builtin: __reversed__, or len() + indexing; TypeError otherwise */
mt_obj_t mt_reversed(mt_obj_t o);

#endif
