/* The interpreter loop. One C function (vm_execute) runs a frame's bytecode with the
 * instruction pointer and stack pointer in registers; mt_vm_run wraps it in the frame's
 * exception catch (one nlr buffer per running frame), finds the handler on the frame's block
 * stack and re-enters the loop, or adds a traceback entry and lets the exception go on. */
#include <alloca.h>

#include "exc.h"
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "types/str.h"
#include "types/strfmt.h"
#include "vm.h"

static mt_frame_t *cur_frame;

mt_frame_t *mt_vm_cur_frame(void) {
    return cur_frame;
}

static unsigned inline_depth;
static unsigned max_inline_depth; /* MAX_INLINE_DEPTH, less on a small heap (set on first use) */

void mt_vm_reset(void) {
    cur_frame = NULL;
    inline_depth = 0;
    max_inline_depth = 0;
}

mt_obj_t mt_vm_globals(void) {
    return cur_frame ? cur_frame->globals : mt_state.main_globals;
}

mt_obj_t mt_vm_locals(void) {
    mt_frame_t *f = cur_frame;
    if (f == NULL) {
        return mt_state.main_globals;
    }
    if (f->locals != MT_NULL) {
        return f->locals;
    }
    mt_code_t *code = f->code;
    mt_obj_t d = mt_dict_new(code->n_locals);
    for (size_t i = 0; i < code->n_locals; i++) {
        mt_obj_t v = f->state[i];
        if (MT_IS_TYPE(v, &mt_type_cell)) {
            v = mt_cell_get(v);
        }
        if (v != MT_NULL) {
            mt_dict_store(d, MT_NEW_QSTR(MT_CODE_VARNAMES(code)[i]), v);
        }
    }
    return d;
}

#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif
void mt_frame_init(mt_frame_t *f, mt_fun_t *fun, mt_obj_t locals) {
    mt_frame_setup(f, fun, locals, 0, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Slow paths (kept out of the loop)
 * ------------------------------------------------------------------------------------------- */
MT_NORETURN static void unbound_local(mt_code_t *code, size_t i) {
    mt_qstr_t q = MT_CODE_VARNAMES(code)[i];
    if (i >= (size_t)(code->n_locals - code->n_free)) {
        mt_raise_fmt(&mt_type_NameError,
                     "cannot access free variable '%q' where it is not associated with a value "
                     "in enclosing scope",
                     q);
    }
    mt_raise_fmt(&mt_type_UnboundLocalError,
                 "cannot access local variable '%q' where it is not associated with a value", q);
}

MT_NORETURN static void name_error(mt_qstr_t q) {
    mt_raise_fmt(&mt_type_NameError, "name '%q' is not defined", q);
}

static mt_obj_t load_global(mt_frame_t *f, mt_qstr_t q) {
    mt_map_elem_t *e = mt_map_lookup(mt_dict_map(f->globals), MT_NEW_QSTR(q), MT_MAP_LOOKUP);
    if (e != NULL) {
        return e->value;
    }
    mt_obj_t v = mt_builtin_lookup(q);
    if (v == MT_NULL) {
        name_error(q);
    }
    return v;
}

static mt_obj_t load_name(mt_frame_t *f, mt_qstr_t q) {
    if (f->locals != MT_NULL && f->locals != f->globals) {
        mt_map_elem_t *e = mt_map_lookup(mt_dict_map(f->locals), MT_NEW_QSTR(q), MT_MAP_LOOKUP);
        if (e != NULL) {
            return e->value;
        }
    }
    return load_global(f, q);
}

/* store v as global names[i] (STORE_GLOBAL, and STORE_NAME at module level), through the cache
 * of LOAD_GLOBAL when it knows the entry */
static inline void store_global_cached(mt_frame_t *f, const mt_qstr_t *names, size_t i,
                                       mt_obj_t v) {
    const uint16_t *cache = f->code->gcache;
    mt_obj_t key = MT_NEW_QSTR(names[i]);
    if (cache != NULL && cache[i] != 0 && MT_IS_TYPE(f->globals, &mt_type_dict)) {
        mt_map_t *map = &((mt_dict_t *)MT_OBJ_TO_PTR(f->globals))->map;
        size_t e = cache[i] - 1;
        if (e < map->used && map->elems[e].key == key && !map->is_fixed) {
            map->elems[e].value = v;
            return;
        }
    }
    mt_map_t *map = mt_dict_map(f->globals);
    mt_map_elem_t *e = mt_map_lookup(map, key, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    e->value = v;
    size_t idx = e - map->elems;
    if (idx < 0xffff && MT_IS_TYPE(f->globals, &mt_type_dict)) {
        if (f->code->gcache == NULL) {
            f->code->gcache = mt_alloc(sizeof(uint16_t) * f->code->n_names);
        }
        f->code->gcache[i] = idx + 1;
    }
}

/* LOAD_GLOBAL of names[i] through the code object's cache of globals-map entry indices */
static mt_obj_t load_global_slow(mt_frame_t *f, size_t i) {
    mt_code_t *code = f->code;
    mt_qstr_t q = MT_CODE_NAMES(code)[i];
    mt_map_t *map = mt_dict_map(f->globals);
    mt_map_elem_t *e = mt_map_lookup(map, MT_NEW_QSTR(q), MT_MAP_LOOKUP);
    if (e == NULL) {
        mt_obj_t v = mt_builtin_lookup(q);
        if (v == MT_NULL) {
            name_error(q);
        }
        return v;
    }
    size_t idx = e - map->elems;
    if (idx < 0xffff && MT_IS_TYPE(f->globals, &mt_type_dict)) {
        if (code->gcache == NULL) {
            code->gcache = mt_alloc(sizeof(uint16_t) * code->n_names);
        }
        code->gcache[i] = idx + 1;
    }
    return e->value;
}

static inline __attribute__((always_inline)) mt_obj_t
load_global_cached(mt_frame_t *f, const mt_qstr_t *names, size_t i) {
    const uint16_t *cache = f->code->gcache;
    if (cache != NULL && cache[i] != 0 && MT_IS_TYPE(f->globals, &mt_type_dict)) {
        const mt_map_t *map = &((mt_dict_t *)MT_OBJ_TO_PTR(f->globals))->map;
        size_t e = cache[i] - 1;
        if (e < map->used && map->elems[e].key == MT_NEW_QSTR(names[i])) {
            return map->elems[e].value;
        }
    }
    return load_global_slow(f, i);
}

static void delete_from(mt_obj_t dict, mt_qstr_t q) {
    if (mt_map_lookup(mt_dict_map(dict), MT_NEW_QSTR(q), MT_MAP_LOOKUP_REMOVE) == NULL) {
        name_error(q);
    }
}

static mt_obj_t load_classderef(mt_frame_t *f, size_t i) {
    mt_qstr_t q = MT_CODE_VARNAMES(f->code)[i];
    mt_obj_t locals = f->locals != MT_NULL ? f->locals : f->globals;
    mt_map_elem_t *e = mt_map_lookup(mt_dict_map(locals), MT_NEW_QSTR(q), MT_MAP_LOOKUP);
    if (e != NULL) {
        return e->value;
    }
    mt_obj_t v = ((mt_cell_t *)MT_OBJ_TO_PTR(f->state[i]))->value;
    if (v == MT_NULL) {
        unbound_local(f->code, i);
    }
    return v;
}

static mt_obj_t call_any(mt_obj_t fun, size_t n, size_t n_kw, const mt_obj_t *args) {
    if (MT_IS_TYPE(fun, &mt_type_function)) {
        return mt_fun_call(fun, n, n_kw, args);
    }
    return mt_call(fun, n, n_kw, args);
}

static mt_qstr_t callable_name(mt_obj_t fun) {
    if (MT_IS_TYPE(fun, &mt_type_function)) {
        return mt_fun_qualname(fun);
    }
    mt_obj_t n = mt_load_attr_maybe(fun, MT_QSTR___name__);
    return n != MT_NULL && mt_obj_is_str(n) ? mt_obj_str_to_qstr(n) : mt_obj_type_name(fun);
}

/* f(*args, **kw): args a list or tuple, kw a dict or MT_NULL */
static mt_obj_t __attribute__((noinline)) call_ex(mt_obj_t fun, mt_obj_t args, mt_obj_t kw) {
    size_t n;
    mt_obj_t *items;
    mt_get_array(args, &n, &items);
    mt_map_t *map = kw != MT_NULL ? mt_dict_map(kw) : NULL;
    size_t n_kw = map ? map->filled : 0;
    mt_obj_t *buf = alloca(sizeof(mt_obj_t) * (n + 2 * n_kw + 1));
    for (size_t i = 0; i < n; i++) {
        buf[i] = items[i];
    }
    size_t k = n;
    for (size_t i = 0; map != NULL && i < map->used; i++) {
        mt_obj_t key = map->elems[i].key;
        if (key == MT_NULL) {
            continue;
        }
        buf[k++] = MT_IS_QSTR(key) ? key : MT_NEW_QSTR(mt_obj_str_to_qstr(key));
        buf[k++] = map->elems[i].value;
    }
    return call_any(fun, n, n_kw, buf);
}

static void extend_from_iterable(mt_obj_t target, mt_obj_t it, bool is_set) {
    if (MT_IS_TYPE(it, &mt_type_list) || MT_IS_TYPE(it, &mt_type_tuple)) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(it, &n, &items);
        for (size_t i = 0; i < n; i++) {
            is_set ? mt_set_add(target, items[i]) : mt_list_append(target, items[i]);
        }
        return;
    }
    mt_iter_buf_t buf;
    mt_obj_t iter = mt_getiter(it, &buf), v;
    while ((v = mt_iternext(iter)) != MT_NULL) {
        is_set ? mt_set_add(target, v) : mt_list_append(target, v);
    }
}

/* d.update(m) for {**m} and f(**m); for calls (fun != MT_NULL) duplicates are errors */
static void dict_merge(mt_obj_t d, mt_obj_t m, mt_obj_t fun) {
    if (MT_IS_TYPE(m, &mt_type_dict) || (MT_IS_OBJ(m) && mt_isinstance(m, &mt_type_dict))) {
        mt_map_t *map = mt_dict_map(m);
        for (size_t i = 0; i < map->used; i++) {
            mt_obj_t k = map->elems[i].key;
            if (k == MT_NULL) {
                continue;
            }
            if (fun != MT_NULL) {
                if (!mt_obj_is_str(k)) {
                    mt_raise_msg(&mt_type_TypeError, "keywords must be strings");
                }
                if (mt_dict_get(d, k) != MT_NULL) {
                    mt_raise_fmt(&mt_type_TypeError,
                                 "%q() got multiple values for keyword argument '%O'",
                                 callable_name(fun), k);
                }
            }
            mt_dict_store(d, k, map->elems[i].value);
        }
        return;
    }
    mt_obj_t keys = mt_call_method_maybe(m, MT_QSTR_keys, 0, NULL);
    if (keys == MT_NULL) {
        if (fun != MT_NULL) {
            mt_raise_fmt(&mt_type_TypeError, "%q() argument after ** must be a mapping, not %q",
                         callable_name(fun), mt_obj_type_name(m));
        }
        mt_raise_fmt(&mt_type_TypeError, "'%q' object is not a mapping", mt_obj_type_name(m));
    }
    mt_iter_buf_t buf;
    mt_obj_t iter = mt_getiter(keys, &buf), k;
    while ((k = mt_iternext(iter)) != MT_NULL) {
        if (fun != MT_NULL && mt_dict_get(d, k) != MT_NULL) {
            mt_raise_fmt(&mt_type_TypeError, "%q() got multiple values for keyword argument '%O'",
                         callable_name(fun), k);
        }
        mt_dict_store(d, k, mt_subscr(m, k, MT_SENTINEL));
    }
}

static void unpack_ex(mt_obj_t seq, size_t before, size_t after, mt_obj_t *sp) {
    size_t n;
    mt_obj_t *items;
    if (MT_IS_TYPE(seq, &mt_type_tuple) || MT_IS_TYPE(seq, &mt_type_list)) {
        mt_get_array(seq, &n, &items);
    } else {
        mt_obj_t l = mt_list_new(0, NULL);
        extend_from_iterable(l, seq, false);
        mt_list_get(l, &n, &items);
    }
    if (n < before + after) {
        mt_raise_fmt(&mt_type_ValueError,
                     "not enough values to unpack (expected at least %u, got %u)",
                     (unsigned)(before + after), (unsigned)n);
    }
    for (size_t i = 0; i < after; i++) {
        *sp++ = items[n - 1 - i];
    }
    *sp++ = mt_list_new(n - before - after, items + before);
    for (size_t i = 0; i < before; i++) {
        *sp++ = items[before - 1 - i];
    }
}

static void unpack_seq(mt_obj_t seq, size_t n, mt_obj_t *sp) {
    if (MT_IS_TYPE(seq, &mt_type_tuple) || MT_IS_TYPE(seq, &mt_type_list)) {
        size_t len;
        mt_obj_t *items;
        mt_get_array(seq, &len, &items);
        if (len == n) {
            for (size_t i = 0; i < n; i++) {
                sp[i] = items[n - 1 - i];
            }
            return;
        }
    }
    mt_unpack_sequence(seq, n, sp);
    for (size_t i = 0; i < n / 2; i++) {
        mt_obj_t t = sp[i];
        sp[i] = sp[n - 1 - i];
        sp[n - 1 - i] = t;
    }
}

static mt_obj_t make_function(mt_frame_t *f, mt_code_t *code, unsigned flags, mt_obj_t *sp) {
    /* sp points at [defaults] [kwdefaults] cells... */
    mt_fun_t *fun = mt_new_obj_var(mt_fun_t, mt_obj_t, code->n_free);
    fun->base.type = &mt_type_function;
    fun->code = code;
    fun->globals = f->globals;
    if (flags & MT_MAKEFUN_DEFAULTS) {
        fun->defaults = *sp++;
    }
    if (flags & MT_MAKEFUN_KWDEFAULTS) {
        fun->kwdefaults = *sp++;
    }
    fun->n_closure = code->n_free;
    memcpy(fun->closure, sp, code->n_free * sizeof(mt_obj_t));
    return MT_OBJ_FROM_PTR(fun);
}

static mt_obj_t build_string(size_t n, const mt_obj_t *parts) {
    mt_vstr_t v;
    mt_vstr_init(&v, 16);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = mt_str_get(parts[i], &len); /* str only: loaded code is not trusted */
        mt_vstr_add_strn(&v, s, len);
    }
    return mt_str_new_from_vstr(&v);
}

static mt_obj_t format_value(mt_obj_t v, unsigned flags, mt_obj_t spec) {
    static const char convs[] = {0, 's', 'r', 'a'};
    if (flags & MT_FORMAT_CONV_MASK) {
        v = mt_format_convert(v, convs[flags & MT_FORMAT_CONV_MASK]);
    }
    if (spec == MT_NULL && (MT_IS_QSTR(v) || MT_IS_TYPE(v, &mt_type_str))) {
        return v;
    }
    return mt_format_obj(v, spec);
}

static void stdout_write(void *data, const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}

static void print_expr(mt_obj_t v) {
    if (v == MT_NONE) {
        return;
    }
    mt_print_t p = {NULL, stdout_write};
    mt_print_obj(&p, v, MT_PRINT_REPR);
    mt_print_str(&p, "\n");
    mt_state.repl_last = v;
    /* `_` holds the last value the REPL printed, in the globals the statement ran in */
    mt_dict_store(mt_vm_globals(), MT_NEW_QSTR(MT_QSTR__), v);
}

static mt_obj_t get_awaitable(mt_obj_t o) {
    if (MT_IS_TYPE(o, &mt_type_coroutine)) {
        return o;
    }
    mt_obj_t dest[2];
    if (!mt_load_method_maybe(o, MT_QSTR___await__, dest)) {
        mt_raise_fmt(&mt_type_TypeError, "object %q can't be used in 'await' expression",
                     mt_obj_type_name(o));
    }
    mt_obj_t it = mt_call_method(0, 0, dest);
    if (MT_IS_TYPE(it, &mt_type_coroutine)) {
        mt_raise_msg(&mt_type_TypeError, "__await__() returned a coroutine");
    }
    if (!mt_obj_is_gen(it) && mt_type_of(it)->iternext == NULL) {
        mt_raise_fmt(&mt_type_TypeError, "__await__() returned non-iterator of type '%q'",
                     mt_obj_type_name(it));
    }
    return it;
}

static mt_obj_t call_special(mt_obj_t o, mt_qstr_t name, const char *fmt) {
    mt_obj_t dest[2];
    if (!mt_load_method_maybe(o, name, dest)) {
        mt_raise_fmt(&mt_type_TypeError, fmt, mt_obj_type_name(o));
    }
    return mt_call_method(0, 0, dest);
}

/* mgr -> exit self|NULL enter-result (at sp[-1] .. sp[1]) */
static void before_with(mt_obj_t *sp, bool is_async) {
    mt_obj_t mgr = sp[-1];
    mt_obj_t enter[2], exit[2];
    const char *fmt = is_async
                          ? "'%q' object does not support the asynchronous context manager protocol"
                          : "'%q' object does not support the context manager protocol";
    if (!mt_load_method_maybe(mgr, is_async ? MT_QSTR___aenter__ : MT_QSTR___enter__, enter)) {
        mt_raise_fmt(&mt_type_TypeError, fmt, mt_obj_type_name(mgr));
    }
    if (!mt_load_method_maybe(mgr, is_async ? MT_QSTR___aexit__ : MT_QSTR___exit__, exit)) {
        mt_raise_fmt(&mt_type_TypeError,
                     is_async ? "'%q' object does not support the asynchronous context manager "
                                "protocol (missed __aexit__ method)"
                              : "'%q' object does not support the context manager protocol "
                                "(missed __exit__ method)",
                     mt_obj_type_name(mgr));
    }
    sp[-1] = exit[0];
    sp[0] = exit[1];
    sp[1] = mt_call_method(0, 0, enter);
}

static mt_obj_t with_except(const mt_obj_t *sp) {
    /* exit self prev exc */
    mt_obj_t exc = sp[-1];
    mt_obj_t args[5] = {sp[-4], sp[-3], MT_OBJ_FROM_PTR(mt_type_of(exc)), exc, MT_NONE};
    return mt_call_method(3, 0, args);
}

/* one step of `yield from`: send v (MT_NULL: plain next) to recv */
static mt_vm_ret_t yield_from_step(mt_obj_t recv, mt_obj_t v, mt_obj_t *out) {
    if (mt_obj_is_gen(recv)) {
        return mt_gen_resume(recv, v, MT_NULL, out);
    }
    if (mt_obj_is_async_gen_awaitable(recv)) {
        return mt_async_gen_step(recv, v, MT_NULL, out);
    }
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t r;
        if (v == MT_NONE || v == MT_NULL) {
            const mt_type_t *t = mt_type_of(recv);
            if (t->iternext != NULL && !MT_IS_HEAP_TYPE(t)) {
                r = t->iternext(recv);
                mt_nlr_pop();
                if (r == MT_NULL) {
                    *out = MT_NONE;
                    return MT_VM_RETURN;
                }
                *out = r;
                return MT_VM_YIELD;
            }
            r = mt_call_method_n(recv, MT_QSTR___next__, 0, NULL);
        } else {
            r = mt_call_method_n(recv, MT_QSTR_send, 1, &v);
        }
        mt_nlr_pop();
        *out = r;
        return MT_VM_YIELD;
    }
    mt_obj_t exc = nlr.ret_val;
    if (mt_isinstance(exc, &mt_type_StopIteration)) {
        *out = mt_exc_get_value(exc);
        return MT_VM_RETURN;
    }
    *out = exc;
    return MT_VM_EXCEPTION;
}

/* a op b for small ints when the result is quick to get (MT_NULL: take the slow path) */
static inline __attribute__((always_inline)) mt_obj_t small_int_op(mt_uint_t op, mt_int_t a,
                                                                   mt_int_t b) {
    mt_int_t r;
#define CASE(name)                                                                                 \
    case MT_BINOP_##name:                                                                          \
    case MT_BINOP_INPLACE_##name
    switch (op) {
        CASE(ADD) : r = a + b;
        break;
        CASE(SUB) : r = a - b;
        break;
        CASE(MUL) : if (__builtin_mul_overflow(a, b, &r)) {
            return MT_NULL;
        }
        break;
        CASE(FLOORDIV) : if (b == 0) {
            return MT_NULL;
        }
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            r--;
        }
        break;
        CASE(MOD) : if (b == 0) {
            return MT_NULL;
        }
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            r += b;
        }
        break;
        CASE(LSHIFT)
            : if (b < 0 || b >= (mt_int_t)(sizeof(mt_int_t) * 8 - 2) ||
                  (a >> ((mt_int_t)(sizeof(mt_int_t) * 8 - 2) - b)) != (a < 0 ? -1 : 0)) {
            return MT_NULL;
        }
        r = (mt_int_t)((mt_uint_t)a << b);
        break;
        CASE(RSHIFT) : if (b < 0) {
            return MT_NULL;
        }
        r = b >= (mt_int_t)(sizeof(mt_int_t) * 8) ? (a < 0 ? -1 : 0) : a >> b;
        break;
        CASE(AND) : return MT_NEW_SMALL_INT(a & b);
        CASE(OR) : return MT_NEW_SMALL_INT(a | b);
        CASE(XOR) : return MT_NEW_SMALL_INT(a ^ b);
    case MT_BINOP_LT: return MT_BOOL(a < b);
    case MT_BINOP_LE: return MT_BOOL(a <= b);
    case MT_BINOP_GT: return MT_BOOL(a > b);
    case MT_BINOP_GE: return MT_BOOL(a >= b);
    case MT_BINOP_EQ: return MT_BOOL(a == b);
    case MT_BINOP_NE: return MT_BOOL(a != b);
    default: return MT_NULL;
    }
#undef CASE
    return MT_SMALL_INT_FITS(r) ? MT_NEW_SMALL_INT(r) : MT_NULL;
}

MT_NORETURN static void reraise(mt_frame_t *f, mt_obj_t exc) {
    f->skip_tb = 1;
    mt_nlr_jump(exc);
}

/* the slot of item i of an exact list or tuple (NULL: another type, or out of range, which
 * the slow path reports) */
static inline mt_obj_t *seq_item(mt_obj_t o, mt_int_t i) {
    size_t len;
    mt_obj_t *items;
    if (MT_IS_TYPE(o, &mt_type_list)) {
        mt_list_t *l = MT_OBJ_TO_PTR(o);
        len = l->len;
        items = l->items;
    } else if (MT_IS_TYPE(o, &mt_type_tuple)) {
        mt_tuple_t *t = MT_OBJ_TO_PTR(o);
        len = t->len;
        items = t->items;
    } else {
        return NULL;
    }
    if (i < 0) {
        i += len;
    }
    return (mt_uint_t)i < len ? &items[i] : NULL;
}

static inline mt_uint_t read_uint(const uint8_t **pip);

/* ---------------------------------------------------------------------------------------------
 * Calls without C recursion. While the C stack is plentiful a call of a Python function recurses
 * in C (mt_fun_call: fast, the frame on the C stack). When less than a quarter of the C stack
 * budget is left, the callee's frame goes to the heap instead and the loop switches to it (an
 * "inlined" frame); RETURN_VALUE and exception unwinding switch back. So recursion depth is
 * bounded by the heap, and MAX_INLINE_DEPTH, not by the chip's few KB of C stack.
 * ------------------------------------------------------------------------------------------- */
#define MAX_INLINE_DEPTH 1000

/* RecursionError must come before the heap is full of frames: a deep frame costs ~100 bytes,
 * so allow about one per 256 bytes of heap */
static unsigned inline_depth_limit(void) {
    if (max_inline_depth == 0) {
        mt_gc_info_t info;
        mt_gc_info(&info);
        size_t n = info.total / 256;
        max_inline_depth = n < 32 ? 32 : n > MAX_INLINE_DEPTH ? MAX_INLINE_DEPTH : (unsigned)n;
    }
    return max_inline_depth;
}

static inline bool c_stack_low(void) {
#ifdef MT_VM_ALWAYS_INLINE_CALLS
    return true; /* testing: every call of a Python function from the loop is inlined */
#else
    char *limit = mt_state.stack_limit;
    return mt_hal_stack_pointer() < limit + (mt_state.stack_top - limit) / 4;
#endif
}

static inline bool is_plain_function(mt_obj_t fun) {
    return MT_IS_TYPE(fun, &mt_type_function) &&
           !(((mt_fun_t *)MT_OBJ_TO_PTR(fun))->code->flags &
             (MT_CODE_GENERATOR | MT_CODE_COROUTINE | MT_CODE_ASYNC_GENERATOR));
}

/* the heap frame of fun(args) called from f (whose ip is at the call instruction) */
static mt_frame_t *push_inline_frame(mt_frame_t *f, mt_obj_t fun, size_t n, size_t n_kw,
                                     const mt_obj_t *args) {
    if (mt_pending) {
        mt_handle_pending();
    }
    mt_code_t *code = ((mt_fun_t *)MT_OBJ_TO_PTR(fun))->code;
    mt_frame_t *g =
        inline_depth < inline_depth_limit() ? mt_alloc_maybe(MT_FRAME_SIZE(code)) : NULL;
    if (g == NULL) {
        mt_raise_msg(&mt_type_RecursionError, "maximum recursion depth exceeded");
    }
    mt_frame_init(g, MT_OBJ_TO_PTR(fun), MT_NULL);
    mt_frame_bind_args(g, n, n_kw, args);
    g->inlined = 1;
    g->back = f;
    inline_depth++;
    cur_frame = g;
    return g;
}

/* leave inlined frame g for its caller */
static mt_frame_t *pop_inline_frame(mt_frame_t *g) {
    mt_frame_t *caller = g->back;
    inline_depth--;
    cur_frame = caller;
    mt_free(g);
    return caller;
}

/* the instruction after the call instruction at ip (CALL_FUNCTION / CALL_METHOD: two UINTs) */
static const uint8_t *after_call(const uint8_t *ip) {
    ip++;
    read_uint(&ip);
    read_uint(&ip);
    return ip;
}

/* ---------------------------------------------------------------------------------------------
 * The loop
 * ------------------------------------------------------------------------------------------- */
#if defined(__GNUC__) && !defined(MT_VM_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

static inline mt_uint_t read_uint(const uint8_t **pip) {
    const uint8_t *ip = *pip;
    mt_uint_t v = *ip++;
    if (v & 0x80) {
        v &= 0x7f;
        unsigned sh = 7;
        uint8_t b;
        do {
            b = *ip++;
            v |= (mt_uint_t)(b & 0x7f) << sh;
            sh += 7;
        } while (b & 0x80);
    }
    *pip = ip;
    return v;
}

#ifdef MT_VM_DEBUG
#include <stdio.h>
#include <stdlib.h>
/* debug builds: the value and block stacks stay within what the compiler computed */
#define CHECK_STACK()                                                                              \
    do {                                                                                           \
        if (sp < stack || sp > stack + code->stack_size || f->n_blocks > code->block_depth) {      \
            fprintf(stderr, "VM stack check failed in %s at offset %d: depth %d of %d\n",          \
                    mt_qstr_str(code->name), (int)(ip - MT_CODE_BYTECODE(code)),                   \
                    (int)(sp - stack), (int)code->stack_size);                                     \
            abort();                                                                               \
        }                                                                                          \
    } while (0)
#else
#define CHECK_STACK() ((void)0)
#endif

#define READ_UINT() read_uint(&ip)
#define READ_JUMP() (ip += 2, (int16_t)(ip[-2] | (ip[-1] << 8)))
#define PUSH(v)     (*sp++ = (v))
#define POP()       (*--sp)
#define TOP()       (sp[-1])
#define PENDING_CHECK()                                                                            \
    do {                                                                                           \
        if (mt_pending) {                                                                          \
            mt_handle_pending();                                                                   \
        }                                                                                          \
    } while (0)

/* *ret: on entry an exception to raise first (generator.throw) or MT_NULL */
static __attribute__((noinline)) mt_vm_ret_t vm_execute(mt_frame_t *f, mt_obj_t *ret) {
    mt_code_t *code;
    mt_obj_t *fast, *stack;
    const mt_obj_t *consts;
    const mt_qstr_t *names;
    const uint8_t *ip;
    mt_obj_t *sp;
#define LOAD_FRAME()                                                                               \
    do {                                                                                           \
        code = f->code;                                                                            \
        fast = f->state;                                                                           \
        stack = fast + code->n_locals;                                                             \
        consts = MT_CODE_CONSTS(code);                                                             \
        names = MT_CODE_NAMES(code);                                                               \
        ip = f->ip;                                                                                \
        sp = f->sp;                                                                                \
    } while (0)
    LOAD_FRAME();
    if (*ret != MT_NULL) {
        mt_obj_t throw_exc = *ret;
        *ret = MT_NULL;
        mt_raise(throw_exc);
    }

#if USE_COMPUTED_GOTO
    static const void *const targets[MT_OP_COUNT] = {
#define X(name, ...) &&L_##name,
        MT_OPCODES(X)
#undef X
    };
#define TARGET(name) L_##name:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        CHECK_STACK();                                                                             \
        f->ip = ip;                                                                                \
        goto *targets[*ip++];                                                                      \
    } while (0)
    DISPATCH();
#else
#define TARGET(name) case MT_OP_##name:
#define DISPATCH()   goto dispatch
dispatch:
    CHECK_STACK();
    f->ip = ip;
    switch (*ip++) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }
    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }
    TARGET(DUP_TOP) {
        sp[0] = sp[-1];
        sp++;
        DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        DISPATCH();
    }
    TARGET(ROT_TWO) {
        mt_obj_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    TARGET(ROT_THREE) {
        mt_obj_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        PUSH(consts[READ_UINT()]);
        DISPATCH();
    }
    TARGET(LOAD_SMALL_INT) {
        mt_uint_t z = READ_UINT();
        PUSH(MT_NEW_SMALL_INT((mt_int_t)(z >> 1) ^ -(mt_int_t)(z & 1)));
        DISPATCH();
    }
    TARGET(LOAD_NONE) {
        PUSH(MT_NONE);
        DISPATCH();
    }
    TARGET(LOAD_TRUE) {
        PUSH(MT_TRUE);
        DISPATCH();
    }
    TARGET(LOAD_FALSE) {
        PUSH(MT_FALSE);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        mt_uint_t i = READ_UINT();
        mt_obj_t v = fast[i];
        if (v == MT_NULL) {
            unbound_local(code, i);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        fast[READ_UINT()] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        mt_uint_t i = READ_UINT();
        if (fast[i] == MT_NULL) {
            unbound_local(code, i);
        }
        fast[i] = MT_NULL;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        mt_uint_t i = READ_UINT();
        mt_obj_t v = ((mt_cell_t *)MT_OBJ_TO_PTR(fast[i]))->value;
        if (v == MT_NULL) {
            unbound_local(code, i);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        ((mt_cell_t *)MT_OBJ_TO_PTR(fast[READ_UINT()]))->value = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        mt_uint_t i = READ_UINT();
        mt_cell_t *cell = MT_OBJ_TO_PTR(fast[i]);
        if (cell->value == MT_NULL) {
            unbound_local(code, i);
        }
        cell->value = MT_NULL;
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(fast[READ_UINT()]);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        mt_uint_t i = READ_UINT();
        PUSH(load_classderef(f, i));
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        mt_uint_t i = READ_UINT();
        fast[i] = mt_cell_new(fast[i]);
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        mt_uint_t i = READ_UINT();
        if (f->locals == f->globals) {
            PUSH(load_global_cached(f, names, i));
        } else {
            PUSH(load_name(f, names[i]));
        }
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        mt_uint_t i = READ_UINT();
        if (f->locals == f->globals || f->locals == MT_NULL) { /* NULL: a function's frame */
            store_global_cached(f, names, i, sp[-1]);
        } else {
            mt_dict_store(f->locals, MT_NEW_QSTR(names[i]), sp[-1]);
        }
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        delete_from(f->locals != MT_NULL ? f->locals : f->globals, names[READ_UINT()]);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        mt_uint_t i = READ_UINT();
        PUSH(load_global_cached(f, names, i));
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        mt_uint_t i = READ_UINT();
        store_global_cached(f, names, i, sp[-1]);
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        delete_from(f->globals, names[READ_UINT()]);
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        mt_qstr_t q = names[READ_UINT()];
        sp[-1] = mt_load_attr(sp[-1], q);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        mt_qstr_t q = names[READ_UINT()];
        mt_store_attr(sp[-1], q, sp[-2]);
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        mt_qstr_t q = names[READ_UINT()];
        mt_delete_attr(sp[-1], q);
        sp--;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        mt_qstr_t q = names[READ_UINT()];
        mt_load_method(sp[-1], q, sp - 1);
        sp++;
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        mt_obj_t i = POP(), o = sp[-1];
        mt_obj_t *item = MT_IS_SMALL_INT(i) ? seq_item(o, MT_SMALL_INT_VALUE(i)) : NULL;
        sp[-1] = item != NULL ? *item : mt_subscr(o, i, MT_SENTINEL);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        sp -= 3;
        mt_obj_t *item = MT_IS_SMALL_INT(sp[2]) && MT_IS_TYPE(sp[1], &mt_type_list)
                             ? seq_item(sp[1], MT_SMALL_INT_VALUE(sp[2]))
                             : NULL;
        if (item != NULL) {
            *item = sp[0];
        } else {
            mt_subscr(sp[1], sp[2], sp[0]);
        }
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        sp -= 2;
        mt_subscr(sp[0], sp[1], MT_NULL);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        mt_uint_t op = READ_UINT();
        mt_obj_t rhs = POP(), lhs = sp[-1];
        if (MT_IS_SMALL_INT(lhs) && MT_IS_SMALL_INT(rhs)) {
            mt_obj_t r = small_int_op(op, MT_SMALL_INT_VALUE(lhs), MT_SMALL_INT_VALUE(rhs));
            if (r != MT_NULL) {
                sp[-1] = r;
                DISPATCH();
            }
        }
        if (op == MT_BINOP_IS) {
            sp[-1] = MT_BOOL(lhs == rhs);
        } else if (op == MT_BINOP_IS_NOT) {
            sp[-1] = MT_BOOL(lhs != rhs);
        } else {
            sp[-1] = mt_binary_op(op, lhs, rhs);
        }
        DISPATCH();
    }
    TARGET(UNARY_OP) {
        mt_uint_t op = READ_UINT();
        mt_obj_t v = sp[-1];
        if (op == MT_UNOP_NEG && MT_IS_SMALL_INT(v) && MT_SMALL_INT_VALUE(v) != MT_SMALL_INT_MIN) {
            sp[-1] = MT_NEW_SMALL_INT(-MT_SMALL_INT_VALUE(v));
        } else {
            sp[-1] = mt_unary_op(op, v);
        }
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        mt_obj_t v = sp[-1];
        sp[-1] = v == MT_FALSE || v == MT_NONE ? MT_TRUE
                 : v == MT_TRUE                ? MT_FALSE
                                               : MT_BOOL(!mt_is_true(v));
        DISPATCH();
    }
    TARGET(JUMP) {
        int off = READ_JUMP();
        ip += off;
        if (off < 0) {
            PENDING_CHECK();
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        int off = READ_JUMP();
        mt_obj_t v = POP();
        if (v == MT_FALSE || v == MT_NEW_SMALL_INT(0) || v == MT_NONE ||
            (v != MT_TRUE && !MT_IS_SMALL_INT(v) && !mt_is_true(v))) {
            ip += off;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        int off = READ_JUMP();
        mt_obj_t v = POP();
        if (v == MT_TRUE || (MT_IS_SMALL_INT(v) && v != MT_NEW_SMALL_INT(0)) ||
            (v != MT_FALSE && v != MT_NONE && !MT_IS_SMALL_INT(v) && mt_is_true(v))) {
            ip += off;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int off = READ_JUMP();
        if (!mt_is_true(sp[-1])) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int off = READ_JUMP();
        if (mt_is_true(sp[-1])) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        sp[-1] = mt_getiter(sp[-1], NULL);
        DISPATCH();
    }
    TARGET(GET_ITER_STACK) {
        mt_obj_t o = sp[-1];
        mt_obj_t it = mt_getiter(o, (mt_iter_buf_t *)(sp - 1));
        sp += 4;
        sp[-1] = it;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        int off = READ_JUMP();
        mt_obj_t v = mt_iternext(sp[-1]);
        if (v == MT_NULL) {
            sp -= 5;
            ip += off;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    TARGET(POP_ITER) {
        if (READ_UINT()) {
            sp[-6] = sp[-1];
        }
        sp -= 5;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        mt_uint_t n = READ_UINT();
        sp -= n;
        *sp = mt_tuple_new(n, sp);
        sp++;
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        mt_uint_t n = READ_UINT();
        sp -= n;
        *sp = mt_list_new(n, sp);
        sp++;
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        mt_uint_t n = READ_UINT();
        sp -= n;
        *sp = mt_set_new(n, sp);
        sp++;
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        mt_uint_t n = READ_UINT();
        sp -= 2 * n;
        mt_obj_t d = mt_dict_new(n);
        for (size_t i = 0; i < n; i++) {
            mt_dict_store(d, sp[2 * i], sp[2 * i + 1]);
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        mt_uint_t n = READ_UINT();
        mt_obj_t step = n == 3 ? POP() : MT_NONE;
        mt_obj_t stop = POP();
        sp[-1] = mt_slice_new(sp[-1], stop, step);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        mt_uint_t n = READ_UINT();
        sp -= n;
        *sp = build_string(n, sp);
        sp++;
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        mt_uint_t n = READ_UINT();
        mt_obj_t v = POP();
        mt_list_append(sp[-(mt_int_t)n], v);
        DISPATCH();
    }
    TARGET(SET_ADD) {
        mt_uint_t n = READ_UINT();
        mt_obj_t v = POP();
        mt_set_add(sp[-(mt_int_t)n], v);
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        mt_uint_t n = READ_UINT();
        sp -= 2;
        mt_dict_store(sp[-(mt_int_t)n], sp[0], sp[1]);
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        mt_uint_t n = READ_UINT();
        mt_obj_t it = POP();
        extend_from_iterable(sp[-(mt_int_t)n], it, false);
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        mt_uint_t n = READ_UINT();
        mt_obj_t it = POP();
        extend_from_iterable(sp[-(mt_int_t)n], it, true);
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        mt_uint_t n = READ_UINT();
        mt_obj_t m = POP();
        dict_merge(sp[-(mt_int_t)n], m, MT_NULL);
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        mt_uint_t n = READ_UINT();
        mt_obj_t m = POP();
        dict_merge(sp[-(mt_int_t)n], m, sp[-(mt_int_t)n - 2]);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        size_t n;
        mt_obj_t *items;
        mt_list_get(sp[-1], &n, &items);
        sp[-1] = mt_tuple_new(n, items);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        mt_uint_t n = READ_UINT();
        mt_obj_t seq = POP();
        unpack_seq(seq, n, sp);
        sp += n;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        mt_uint_t before = READ_UINT();
        mt_uint_t after = READ_UINT();
        mt_obj_t seq = POP();
        unpack_ex(seq, before, after, sp);
        sp += before + after + 1;
        DISPATCH();
    }
    TARGET(CALL_FUNCTION) {
        mt_uint_t n = READ_UINT();
        mt_uint_t n_kw = READ_UINT();
        sp -= n + 2 * n_kw;
        mt_obj_t fun = sp[-1];
        if (MT_IS_TYPE(fun, &mt_type_function)) {
            if (c_stack_low() && is_plain_function(fun)) {
                f->sp = sp - 1; /* the result goes where fun is */
                f = push_inline_frame(f, fun, n, n_kw, sp);
                LOAD_FRAME();
                DISPATCH();
            }
            sp[-1] = mt_fun_call(fun, n, n_kw, sp);
        } else {
            sp[-1] = mt_call(fun, n, n_kw, sp);
        }
        DISPATCH();
    }
    TARGET(CALL_METHOD) {
        mt_uint_t n = READ_UINT();
        mt_uint_t n_kw = READ_UINT();
        sp -= n + 2 * n_kw + 2;
        mt_obj_t fun = sp[0];
        const mt_obj_t *args = sp + 2;
        if (sp[1] != MT_NULL) {
            args--;
            n++;
        }
        if (MT_IS_TYPE(fun, &mt_type_function) && c_stack_low() && is_plain_function(fun)) {
            f->sp = sp;
            f = push_inline_frame(f, fun, n, n_kw, args);
            LOAD_FRAME();
            DISPATCH();
        }
        *sp = call_any(fun, n, n_kw, args);
        sp++;
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        mt_obj_t kw = READ_UINT() ? POP() : MT_NULL;
        mt_obj_t args = POP();
        sp[-1] = call_ex(sp[-1], args, kw);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        mt_code_t *c = MT_OBJ_TO_PTR(consts[READ_UINT()]);
        unsigned flags = READ_UINT();
        sp -= c->n_free + !!(flags & MT_MAKEFUN_DEFAULTS) + !!(flags & MT_MAKEFUN_KWDEFAULTS);
        *sp = make_function(f, c, flags, sp);
        sp++;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        PUSH(MT_OBJ_FROM_PTR(&mt_builtin___build_class___obj));
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        mt_obj_t v = POP();
        if (f->inlined) {
            f = pop_inline_frame(f);
            LOAD_FRAME();
            ip = after_call(ip);
            *sp++ = v;
            DISPATCH();
        }
        *ret = v;
        f->sp = sp;
        return MT_VM_RETURN;
    }
    TARGET(YIELD_VALUE) {
        *ret = POP();
        f->ip = ip;
        f->sp = sp;
        return MT_VM_YIELD;
    }
    TARGET(YIELD_FROM) {
        mt_obj_t v = POP();
        mt_obj_t out;
        mt_vm_ret_t r = yield_from_step(sp[-1], v, &out);
        if (r == MT_VM_YIELD) {
            f->sp = sp; /* f->ip stays at this instruction: resumed with the sent value */
            *ret = out;
            return MT_VM_YIELD;
        }
        if (r == MT_VM_EXCEPTION) {
            sp--;
            mt_nlr_jump(out);
        }
        sp[-1] = out;
        DISPATCH();
    }
    TARGET(ASYNC_GEN_WRAP) {
        sp[-1] = mt_async_gen_wrap(sp[-1]);
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        sp[-1] = get_awaitable(sp[-1]);
        DISPATCH();
    }
    TARGET(GET_AITER) {
        sp[-1] = call_special(sp[-1], MT_QSTR___aiter__,
                              "'async for' requires an object with __aiter__ method, got %q");
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        mt_obj_t aw =
            call_special(sp[-1], MT_QSTR___anext__,
                         "'async for' requires an iterator with __anext__ method, got %q");
        PUSH(get_awaitable(aw));
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        mt_obj_t exc = POP();
        sp--;
        if (!mt_isinstance(exc, &mt_type_StopAsyncIteration)) {
            f->sp = sp;
            reraise(f, exc);
        }
        DISPATCH();
    }
    TARGET(SETUP_HANDLER) {
        int off = READ_JUMP();
        mt_block_t *b = &f->blocks[f->n_blocks++];
        b->handler = (ip + off) - MT_CODE_BYTECODE(code);
        b->level = sp - stack;
        DISPATCH();
    }
    TARGET(SETUP_WITH) {
        int off = READ_JUMP();
        mt_block_t *b = &f->blocks[f->n_blocks++];
        b->handler = (ip + off) - MT_CODE_BYTECODE(code);
        b->level = sp - 1 - stack;
        DISPATCH();
    }
    TARGET(POP_BLOCK) {
        f->n_blocks--;
        DISPATCH();
    }
    TARGET(PUSH_EXC_INFO) {
        mt_obj_t exc = sp[-1];
        sp[-1] = mt_state.cur_exc;
        PUSH(exc);
        mt_state.cur_exc = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        sp -= 2;
        mt_state.cur_exc = sp[0];
        DISPATCH();
    }
    TARGET(RERAISE_EXC) {
        sp -= 2;
        mt_state.cur_exc = sp[0];
        reraise(f, sp[1]);
    }
    TARGET(EXC_CLEANUP) {
        sp -= 3;
        mt_state.cur_exc = sp[0];
        reraise(f, sp[2]);
    }
    TARGET(JUMP_IF_NOT_EXC_MATCH) {
        int off = READ_JUMP();
        mt_obj_t type = POP();
        if (!mt_exc_match(sp[-1], type)) {
            ip += off;
        }
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        mt_uint_t n = READ_UINT();
        if (n == 0) {
            mt_obj_t exc = mt_state.cur_exc;
            if (exc == MT_NULL || exc == MT_NONE) {
                mt_raise_msg(&mt_type_RuntimeError, "No active exception to reraise");
            }
            reraise(f, exc);
        }
        if (n == 2) {
            mt_obj_t cause = POP();
            mt_raise(mt_exc_set_cause(POP(), cause));
        }
        mt_raise(POP());
    }
    TARGET(RAISE_ASSERT) {
        if (READ_UINT()) {
            mt_obj_t msg = POP();
            mt_raise(mt_exc_new(&mt_type_AssertionError, 1, &msg));
        }
        mt_raise(MT_OBJ_FROM_PTR(&mt_type_AssertionError));
    }
    TARGET(BEFORE_WITH) {
        before_with(sp, false);
        sp += 2;
        DISPATCH();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        before_with(sp, true);
        sp += 2;
        DISPATCH();
    }
    TARGET(WITH_EXCEPT) {
        mt_obj_t r = with_except(sp);
        PUSH(r);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        mt_qstr_t q = names[READ_UINT()];
        int level = READ_UINT();
        sp[-1] = mt_import_name(q, sp[-1], level);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        mt_qstr_t q = names[READ_UINT()];
        mt_obj_t v = mt_import_from(sp[-1], q);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        mt_obj_t m = POP();
        mt_import_all(m, mt_dict_map(f->locals != MT_NULL ? f->locals : f->globals));
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        unsigned flags = READ_UINT();
        mt_obj_t spec = (flags & MT_FORMAT_HAS_SPEC) ? POP() : MT_NULL;
        sp[-1] = format_value(sp[-1], flags, spec);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        mt_obj_t v = POP();
        print_expr(v);
        DISPATCH();
    }
#if !USE_COMPUTED_GOTO
default: mt_raise_msg(&mt_type_RuntimeError, "bad opcode");
}
#endif
}

/* an exception reached frame f: record where, and go to the innermost handler if any */
static bool handle_exception(mt_frame_t *f, mt_obj_t exc) {
    mt_code_t *code = f->code;
    if (f->skip_tb) {
        f->skip_tb = 0;
    } else if (mt_obj_is_exception_instance(exc)) {
        mt_exc_add_traceback(exc, code->filename,
                             mt_code_line(code, f->ip - MT_CODE_BYTECODE(code)), code->name);
    }
    if (f->n_blocks == 0) {
        return false;
    }
    mt_block_t *b = &f->blocks[--f->n_blocks];
    mt_obj_t *sp = f->state + code->n_locals + b->level;
    *sp++ = exc;
    f->sp = sp;
    f->ip = MT_CODE_BYTECODE(code) + b->handler;
    return true;
}

/* exception exc reached the running frames of mt_vm_run(f): unwind the inlined frames above
 * f until one has a handler (it is left in cur_frame); false if none, f included, has one */
static bool unwind(mt_frame_t *f, mt_obj_t exc) {
    mt_frame_t *cf = cur_frame;
    while (!handle_exception(cf, exc)) {
        if (cf == f || !cf->inlined) {
            return false;
        }
        cf = pop_inline_frame(cf);
    }
    cur_frame = cf;
    return true;
}

mt_vm_ret_t mt_vm_run(mt_frame_t *f, mt_obj_t throw_exc, mt_obj_t *ret) {
    f->back = cur_frame;
    cur_frame = f;
    *ret = throw_exc; /* vm_execute takes it from there (nothing else may change after setjmp) */
    for (;;) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            mt_vm_ret_t r = vm_execute(cur_frame, ret);
            mt_nlr_pop();
            cur_frame = f->back;
            return r;
        }
        if (!unwind(f, nlr.ret_val)) {
            cur_frame = f->back;
            if (f->is_gen) {
                *ret = nlr.ret_val;
                return MT_VM_EXCEPTION;
            }
            mt_nlr_jump(nlr.ret_val);
        }
        *ret = MT_NULL;
    }
}
