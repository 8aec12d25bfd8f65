/* Exceptions: the built-in hierarchy (MT_EXCEPTION_TYPES in obj.h), exception objects
 * (mt_exc_t, exc.h), raising, matching, chaining (__cause__/__context__) and tracebacks. */
#include "exc.h"

#include "gc.h"
#include "mterrno.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "types/containers.h"

/* ---- exception objects ------------------------------------------------------------------ */

mt_exc_t *mt_exc_get(mt_obj_t o) {
    if (!MT_IS_OBJ(o)) return NULL;
    const mt_type_t *t = mt_type_of(o);
    if (!(t->flags & MT_TYPE_FLAG_IS_EXCEPTION)) return NULL;
    if (MT_IS_HEAP_TYPE(t)) o = ((mt_instance_t *)MT_OBJ_TO_PTR(o))->native;
    return MT_OBJ_TO_PTR(o);
}

static mt_exc_t *exc_get_checked(mt_obj_t o) {
    mt_exc_t *e = mt_exc_get(o);
    if (e == NULL)
        mt_raise_fmt(&mt_type_TypeError, "descriptor requires a 'BaseException' object, not '%q'",
                     mt_obj_type_name(o));
    return e;
}

static mt_obj_t exc_make_new(const mt_type_t *t, size_t n, size_t n_kw, const mt_obj_t *args) {
    if (n_kw != 0) mt_raise_fmt(&mt_type_TypeError, "%q() takes no keyword arguments", t->name);
    mt_exc_t *e = mt_new_obj(mt_exc_t);
    e->base.type = t;
    e->cause = e->context = MT_NONE;
    if (n >= 3 && n <= 5 && mt_issubclass(t, &mt_type_OSError)) {
        /* OSError(errno, strerror, filename[, winerror, filename2]): args keeps the first two */
        e->dict = mt_dict_new(2);
        mt_dict_store(e->dict, MT_NEW_QSTR(MT_QSTR_filename), args[2]);
        if (n == 5) mt_dict_store(e->dict, MT_NEW_QSTR(MT_QSTR_filename2), args[4]);
        n = 2;
    }
    e->args = n == 0 ? MT_EMPTY_TUPLE : mt_tuple_new(n, args);
    return MT_OBJ_FROM_PTR(e);
}

static size_t exc_args(const mt_exc_t *e, mt_obj_t **items) {
    size_t n;
    mt_tuple_get(e->args, &n, items);
    return n;
}

static bool is_kind(const mt_exc_t *e, const mt_type_t *t) {
    return mt_issubclass(e->base.type, t);
}

/* SyntaxError(msg, (filename, lineno, offset, text)): the details tuple, or NULL */
static mt_obj_t *syntax_details(const mt_exc_t *e) {
    mt_obj_t *items;
    if (!is_kind(e, &mt_type_SyntaxError) || exc_args(e, &items) < 2) return NULL;
    if (!MT_IS_TYPE(items[1], &mt_type_tuple)) return NULL;
    size_t n;
    mt_obj_t *details;
    mt_tuple_get(items[1], &n, &details);
    return n >= 4 ? details : NULL;
}

static void exc_print_str(const mt_print_t *p, const mt_exc_t *e) {
    mt_obj_t *items;
    size_t n = exc_args(e, &items);
    if (n == 2 && is_kind(e, &mt_type_OSError)) {
        mt_printf(p, "[Errno %O] %O", items[0], items[1]);
        mt_obj_t file =
            e->dict != MT_NULL ? mt_dict_get(e->dict, MT_NEW_QSTR(MT_QSTR_filename)) : MT_NULL;
        mt_obj_t file2 =
            e->dict != MT_NULL ? mt_dict_get(e->dict, MT_NEW_QSTR(MT_QSTR_filename2)) : MT_NULL;
        if (file != MT_NULL) mt_printf(p, ": %R", file);
        if (file2 != MT_NULL) mt_printf(p, " -> %R", file2);
        return;
    }
    mt_obj_t *details = syntax_details(e);
    if (details != NULL) {
        mt_printf(p, "%O (%O", items[0], details[0]);
        if (details[1] != MT_NONE) mt_printf(p, ", line %O", details[1]);
        mt_print_str(p, ")");
        return;
    }
    if (n == 1 && is_kind(e, &mt_type_KeyError))
        mt_print_obj(p, items[0], MT_PRINT_REPR);
    else if (n == 1)
        mt_print_obj(p, items[0], MT_PRINT_STR);
    else if (n > 1)
        mt_print_obj(p, e->args, MT_PRINT_STR);
}

void mt_exc_print_as(const mt_print_t *p, mt_obj_t exc, const mt_type_t *t, mt_print_kind_t kind) {
    const mt_exc_t *e = MT_OBJ_TO_PTR(exc);
    if (kind == MT_PRINT_STR) {
        exc_print_str(p, e);
        return;
    }
    mt_obj_t *items;
    size_t n = exc_args(e, &items);
    mt_printf(p, "%q(", t->name);
    for (size_t i = 0; i < n; i++) mt_printf(p, i ? ", %R" : "%R", items[i]);
    mt_print_str(p, ")");
}

static void exc_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_exc_print_as(p, o, mt_type_of(o), kind);
}

static mt_obj_t traceback_tuple(const mt_exc_t *e) {
    if (e->tb_len == 0) return MT_NONE;
    mt_obj_t t = mt_tuple_new(e->tb_len, NULL);
    mt_obj_t *items;
    size_t n;
    mt_tuple_get(t, &n, &items);
    for (size_t i = 0; i < n; i++) {
        const mt_tb_entry_t *tb = &e->tb[n - 1 - i];
        mt_obj_t entry[3] = {MT_NEW_QSTR(tb->file), MT_NEW_SMALL_INT(tb->line),
                             MT_NEW_QSTR(tb->block)};
        items[i] = mt_tuple_new(3, entry);
    }
    return t;
}

/* the first argument, or None (StopIteration.value) */
static mt_obj_t first_arg(const mt_exc_t *e) {
    mt_obj_t *items;
    return exc_args(e, &items) > 0 ? items[0] : MT_NONE;
}

/* SystemExit.code: None, the argument, or the tuple of several */
static mt_obj_t exit_code(const mt_exc_t *e) {
    mt_obj_t *items;
    return exc_args(e, &items) > 1 ? e->args : first_arg(e);
}

/* attributes computed from args; MT_NULL for other names */
static mt_obj_t exc_load(const mt_exc_t *e, mt_qstr_t name) {
    mt_obj_t *items;
    size_t n = exc_args(e, &items);
    switch (name) {
    case MT_QSTR_args: return e->args;
    case MT_QSTR___cause__: return e->cause;
    case MT_QSTR___context__: return e->context;
    case MT_QSTR___suppress_context__: return MT_BOOL(e->suppress_context);
    case MT_QSTR___traceback__: return traceback_tuple(e);
    default: break;
    }
    if (is_kind(e, &mt_type_StopIteration) && name == MT_QSTR_value) return first_arg(e);
    if (is_kind(e, &mt_type_SystemExit) && name == MT_QSTR_code) return exit_code(e);
    if (is_kind(e, &mt_type_OSError)) {
        mt_obj_t file = e->dict != MT_NULL ? mt_dict_get(e->dict, MT_NEW_QSTR(name)) : MT_NULL;
        switch (name) {
        case MT_QSTR_errno: return n == 2 ? items[0] : MT_NONE;
        case MT_QSTR_strerror: return n == 2 ? items[1] : MT_NONE;
        case MT_QSTR_filename:
        case MT_QSTR_filename2: return file != MT_NULL ? file : MT_NONE;
        default: break;
        }
    }
    mt_obj_t *details = syntax_details(e);
    if (is_kind(e, &mt_type_SyntaxError)) {
        switch (name) {
        case MT_QSTR_msg: return n > 0 ? items[0] : MT_NONE;
        case MT_QSTR_filename: return details ? details[0] : MT_NONE;
        case MT_QSTR_lineno: return details ? details[1] : MT_NONE;
        case MT_QSTR_offset: return details ? details[2] : MT_NONE;
        case MT_QSTR_text: return details ? details[3] : MT_NONE;
        default: break;
        }
    }
    if (e->dict != MT_NULL) return mt_dict_get(e->dict, MT_NEW_QSTR(name));
    return MT_NULL;
}

static mt_exc_t *mutable_exc(mt_obj_t exc) {
    mt_exc_t *e = mt_exc_get(exc);
    if (e == NULL || !mt_gc_is_heap_ptr(e)) return NULL;
    return e;
}

static mt_obj_t check_exc_or_none(mt_obj_t v, const char *what) {
    if (v != MT_NONE && !mt_obj_is_exception_instance(v))
        mt_raise_fmt(&mt_type_TypeError, "exception %s must be None or derive from BaseException",
                     what);
    return v;
}

bool mt_exc_store_known(mt_obj_t exc, mt_qstr_t name, mt_obj_t value) {
    mt_exc_t *e = mutable_exc(exc);
    if (e == NULL) return false;
    if (value == MT_NULL) value = MT_NONE;
    switch (name) {
    case MT_QSTR_args:
        e->args = MT_IS_TYPE(value, &mt_type_tuple) ? value : mt_tuple_from_iter(value);
        return true;
    case MT_QSTR___cause__:
        e->cause = check_exc_or_none(value, "cause");
        e->suppress_context = true;
        return true;
    case MT_QSTR___context__: e->context = check_exc_or_none(value, "context"); return true;
    case MT_QSTR___suppress_context__: e->suppress_context = mt_is_true(value); return true;
    case MT_QSTR___traceback__:
        if (value == MT_NONE) e->tb_len = 0;
        return true;
    default: return false;
    }
}

static void exc_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    mt_exc_t *e = MT_OBJ_TO_PTR(o);
    if (dest[0] != MT_SENTINEL) {
        dest[0] = exc_load(e, name);
        return;
    }
    if (mt_exc_store_known(o, name, dest[1])) {
        dest[0] = MT_NULL;
        return;
    }
    if (!mt_gc_is_heap_ptr(e)) return;
    if (dest[1] == MT_NULL) {
        if (e->dict == MT_NULL ||
            mt_map_lookup(mt_dict_map(e->dict), MT_NEW_QSTR(name), MT_MAP_LOOKUP_REMOVE) == NULL)
            return;
    } else {
        if (e->dict == MT_NULL) e->dict = mt_dict_new(0);
        mt_dict_store(e->dict, MT_NEW_QSTR(name), dest[1]);
    }
    dest[0] = MT_NULL;
}

/* BaseException.__init__(self, *args) */
static mt_obj_t exc_init(size_t n, const mt_obj_t *args) {
    mt_exc_t *e = exc_get_checked(args[0]);
    e->args = n == 1 ? MT_EMPTY_TUPLE : mt_tuple_new(n - 1, args + 1);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(exc_init_obj, 1, MT_FUN_ARGS_MAX, exc_init);

static mt_obj_t print_to_str(mt_obj_t exc, mt_print_kind_t kind) {
    mt_vstr_t v;
    mt_print_t p;
    mt_vstr_init(&v, 16);
    mt_vstr_printer(&v, &p);
    const mt_exc_t *e = exc_get_checked(exc);
    mt_exc_print_as(&p, MT_OBJ_FROM_PTR(e), mt_type_of(exc), kind);
    return mt_str_new_from_vstr(&v);
}

static mt_obj_t exc_str(mt_obj_t self) {
    return print_to_str(self, MT_PRINT_STR);
}
static MT_DEFINE_FUN_1(exc_str_obj, exc_str);

static mt_obj_t exc_repr(mt_obj_t self) {
    return print_to_str(self, MT_PRINT_REPR);
}
static MT_DEFINE_FUN_1(exc_repr_obj, exc_repr);

static mt_obj_t exc_with_traceback(mt_obj_t self, mt_obj_t tb) {
    mt_exc_t *e = exc_get_checked(self);
    if (tb == MT_NONE) e->tb_len = 0;
    return self;
}
static MT_DEFINE_FUN_2(exc_with_traceback_obj, exc_with_traceback);

/* sorted by name */
static const mt_map_elem_t exc_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___init__), MT_ROM_PTR(&exc_init_obj)},
    {MT_ROM_QSTR(MT_QSTR___repr__), MT_ROM_PTR(&exc_repr_obj)},
    {MT_ROM_QSTR(MT_QSTR___str__), MT_ROM_PTR(&exc_str_obj)},
    {MT_ROM_QSTR(MT_QSTR_with_traceback), MT_ROM_PTR(&exc_with_traceback_obj)},
};
static const mt_map_t exc_locals = {
    .used = MT_ARRAY_SIZE(exc_locals_table),
    .alloc = MT_ARRAY_SIZE(exc_locals_table),
    .filled = MT_ARRAY_SIZE(exc_locals_table),
    .is_fixed = 1,
    .is_sorted = 1,
    .all_keys_are_qstrs = 1,
    .elems = (mt_map_elem_t *)exc_locals_table,
};

/* The types. (Their names, for tools/mkqstr.py, which cannot see through ## pasting:
 * MT_QSTR_BaseException MT_QSTR_SystemExit MT_QSTR_KeyboardInterrupt MT_QSTR_GeneratorExit
 * MT_QSTR_Exception MT_QSTR_StopIteration MT_QSTR_StopAsyncIteration MT_QSTR_ArithmeticError
 * MT_QSTR_OverflowError MT_QSTR_ZeroDivisionError MT_QSTR_AssertionError
 * MT_QSTR_AttributeError MT_QSTR_EOFError MT_QSTR_ImportError MT_QSTR_LookupError
 * MT_QSTR_IndexError MT_QSTR_KeyError MT_QSTR_MemoryError MT_QSTR_NameError
 * MT_QSTR_UnboundLocalError MT_QSTR_OSError MT_QSTR_RuntimeError MT_QSTR_NotImplementedError
 * MT_QSTR_RecursionError MT_QSTR_SyntaxError MT_QSTR_IndentationError MT_QSTR_TypeError
 * MT_QSTR_ValueError MT_QSTR_UnicodeError MT_QSTR_ModuleNotFoundError) */
#define X(name_, parent_)                                                                          \
    const mt_type_t mt_type_##name_ = {                                                            \
        .base = {&mt_type_type},                                                                   \
        .name = MT_QSTR_##name_,                                                                   \
        .flags = MT_TYPE_FLAG_IS_EXCEPTION | MT_TYPE_FLAG_BASETYPE,                                \
        .print = exc_print,                                                                        \
        .make_new = exc_make_new,                                                                  \
        .attr = exc_attr,                                                                          \
        .locals = &exc_locals,                                                                     \
        .parent = &mt_type_##parent_,                                                              \
    };
MT_EXCEPTION_TYPES(X)
#undef X

/* ---- creating and raising ----------------------------------------------------------------- */

bool mt_obj_is_exception_instance(mt_obj_t o) {
    return MT_IS_OBJ(o) && (mt_type_of(o)->flags & MT_TYPE_FLAG_IS_EXCEPTION);
}

bool mt_obj_is_exception_type(mt_obj_t o) {
    return MT_IS_OBJ(o) && mt_isinstance(o, &mt_type_type) &&
           (((const mt_type_t *)MT_OBJ_TO_PTR(o))->flags & MT_TYPE_FLAG_IS_EXCEPTION);
}

mt_obj_t mt_exc_new(const mt_type_t *t, size_t n_args, const mt_obj_t *args) {
    if (t->make_new == exc_make_new) return exc_make_new(t, n_args, 0, args);
    return mt_call(MT_OBJ_FROM_PTR(t), n_args, 0, args);
}

mt_obj_t mt_exc_new_msg(const mt_type_t *t, const char *msg) {
    mt_obj_t arg = mt_str_new(msg, strlen(msg));
    return mt_exc_new(t, 1, &arg);
}

mt_obj_t mt_exc_new_syntax(const mt_type_t *t, const char *msg, mt_qstr_t file, size_t line,
                           size_t col) {
    mt_obj_t details[4] = {MT_NEW_QSTR(file), MT_NEW_SMALL_INT(line),
                           col ? MT_NEW_SMALL_INT(col) : MT_NONE, MT_NONE};
    mt_obj_t args[2] = {mt_str_new(msg, strlen(msg)), mt_tuple_new(4, details)};
    mt_obj_t exc = mt_exc_new(t, 2, args);
    mt_exc_add_traceback(exc, file, line, MT_QSTR_lt_module_gt);
    return exc;
}

mt_obj_t mt_exc_instantiate(mt_obj_t o) {
    if (mt_obj_is_exception_instance(o)) return o;
    if (mt_obj_is_exception_type(o)) {
        mt_obj_t exc = mt_call0(o);
        if (!mt_obj_is_exception_instance(exc))
            mt_raise_fmt(&mt_type_TypeError,
                         "calling %R should have returned an instance of BaseException, not %q", o,
                         mt_obj_type_name(exc));
        return exc;
    }
    mt_raise_type_error("exceptions must derive from BaseException");
}

mt_obj_t mt_exc_set_cause(mt_obj_t exc, mt_obj_t cause) {
    exc = mt_exc_instantiate(exc);
    if (cause != MT_NONE) {
        if (!mt_obj_is_exception_instance(cause) && !mt_obj_is_exception_type(cause))
            mt_raise_type_error("exception causes must derive from BaseException");
        cause = mt_exc_instantiate(cause);
    }
    mt_exc_t *e = mutable_exc(exc);
    if (e != NULL) {
        e->cause = cause;
        e->suppress_context = true;
    }
    return exc;
}

/* exc is raised while the exception mt_state.cur_exc is handled: chain it as __context__
 * (breaking any cycle the chain would form, as CPython does) */
static void set_context(mt_obj_t exc) {
    mt_obj_t ctx = mt_state.cur_exc;
    if (ctx == MT_NULL || ctx == MT_NONE || ctx == exc) return;
    mt_exc_t *e = mutable_exc(exc);
    if (e == NULL || !mt_obj_is_exception_instance(ctx)) return;
    for (mt_obj_t o = ctx; o != MT_NONE;) {
        mt_exc_t *oe = mt_exc_get(o);
        if (oe == NULL) break;
        if (oe->context == exc) {
            if (mt_gc_is_heap_ptr(oe)) oe->context = MT_NONE;
            break;
        }
        o = oe->context;
    }
    e->context = ctx;
}

MT_NORETURN void mt_raise(mt_obj_t exc_or_type) {
    mt_obj_t exc = mt_exc_instantiate(exc_or_type);
    set_context(exc);
    mt_nlr_jump(exc);
}

MT_NORETURN void mt_raise_msg(const mt_type_t *t, const char *msg) {
    mt_raise(mt_exc_new_msg(t, msg));
}

MT_NORETURN void mt_raise_fmt(const mt_type_t *t, const char *fmt, ...) {
    mt_vstr_t v;
    mt_print_t p;
    mt_vstr_init(&v, 64);
    mt_vstr_printer(&v, &p);
    va_list ap;
    va_start(ap, fmt);
    mt_vprintf(&p, fmt, ap);
    va_end(ap);
    mt_obj_t msg = mt_str_new_from_vstr(&v);
    mt_raise(mt_exc_new(t, 1, &msg));
}

MT_NORETURN void mt_raise_type_error(const char *msg) {
    mt_raise_msg(&mt_type_TypeError, msg);
}

MT_NORETURN void mt_raise_value_error(const char *msg) {
    mt_raise_msg(&mt_type_ValueError, msg);
}

MT_NORETURN void mt_raise_oserror(int errno_value) {
    const char *name = mt_errno_name(errno_value);
    if (name == NULL) name = "unknown error";
    mt_obj_t args[2] = {MT_NEW_SMALL_INT(errno_value), mt_str_new(name, strlen(name))};
    mt_raise(mt_exc_new(&mt_type_OSError, 2, args));
}

MT_NORETURN void mt_raise_stop_iteration(mt_obj_t value) {
    if (value == MT_NULL) mt_raise(mt_exc_new(&mt_type_StopIteration, 0, NULL));
    mt_raise(mt_exc_new(&mt_type_StopIteration, 1, &value));
}

/* used when mt_state.memory_error has not been made yet (start-up) */
static const mt_exc_t const_memory_error = {{&mt_type_MemoryError},
                                            MT_OBJ_FROM_PTR(&mt_const_empty_tuple),
                                            MT_NONE,
                                            MT_NONE,
                                            MT_NULL,
                                            NULL,
                                            0,
                                            0,
                                            false};

MT_NORETURN void mt_raise_memory_error(void) {
    mt_obj_t exc = mt_state.memory_error;
    if (exc == MT_NULL) exc = MT_OBJ_FROM_PTR(&const_memory_error);
    mt_exc_clear_traceback(exc);
    mt_nlr_jump(exc);
}

static const mt_type_t *exc_type_arg(mt_obj_t t) {
    if (!mt_obj_is_exception_type(t))
        mt_raise_type_error("catching classes that do not inherit from BaseException is not "
                            "allowed");
    return MT_OBJ_TO_PTR(t);
}

bool mt_exc_match(mt_obj_t exc, mt_obj_t type_or_tuple) {
    if (!MT_IS_TYPE(type_or_tuple, &mt_type_tuple))
        return mt_isinstance(exc, exc_type_arg(type_or_tuple));
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(type_or_tuple, &n, &items);
    bool match = false;
    for (size_t i = 0; i < n; i++) /* every entry is checked, as CPython does */
        match |= mt_isinstance(exc, exc_type_arg(items[i]));
    return match;
}

mt_obj_t mt_exc_get_value(mt_obj_t exc) {
    mt_exc_t *e = mt_exc_get(exc);
    return e != NULL ? first_arg(e) : MT_NONE;
}

/* ---- tracebacks ---------------------------------------------------------------------------- */

void mt_exc_clear_traceback(mt_obj_t exc) {
    mt_exc_t *e = mutable_exc(exc);
    if (e != NULL) e->tb_len = 0;
}

void mt_exc_add_traceback(mt_obj_t exc, mt_qstr_t file, size_t line, mt_qstr_t block) {
    mt_exc_t *e = mutable_exc(exc);
    if (e == NULL) return;
    if (e->tb_len == e->tb_alloc) {
        if (e->tb_alloc >= 0x8000) return; /* keep the newest frames' room bounded */
        size_t alloc = e->tb_alloc ? 2u * e->tb_alloc : 4u;
        mt_tb_entry_t *tb = mt_alloc_maybe(alloc * sizeof(mt_tb_entry_t));
        if (tb == NULL) return; /* out of memory: the exception goes on without this entry */
        if (e->tb_len) memcpy(tb, e->tb, e->tb_len * sizeof(mt_tb_entry_t));
        e->tb = tb;
        e->tb_alloc = (uint16_t)alloc;
    }
    e->tb[e->tb_len++] = (mt_tb_entry_t){file, (uint32_t)line, block};
}

static void print_type_name(const mt_print_t *p, const mt_type_t *t) {
    if (MT_IS_HEAP_TYPE(t)) {
        mt_obj_t mod =
            mt_dict_get(((const mt_heap_type_t *)t)->dict, MT_NEW_QSTR(MT_QSTR___module__));
        if (mod != MT_NULL && mod != MT_NEW_QSTR(MT_QSTR___main__) &&
            mod != MT_NEW_QSTR(MT_QSTR_builtins) && mt_obj_is_str(mod))
            mt_printf(p, "%O.", mod);
    }
    mt_printf(p, "%q", t->name);
}

void mt_exc_print_message(const mt_print_t *p, mt_obj_t exc) {
    print_type_name(p, mt_type_of(exc));
    mt_exc_t *e = mt_exc_get(exc);
    mt_obj_t msg;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        if (e != NULL && syntax_details(e) != NULL && !MT_IS_INSTANCE(exc)) {
            mt_obj_t *items;
            exc_args(e, &items);
            msg = mt_obj_str(items[0]);
        } else {
            msg = mt_obj_str(exc);
        }
        mt_nlr_pop();
    } else {
        mt_print_str(p, ": <exception str() failed>");
        return;
    }
    size_t len;
    mt_str_data(msg, &len);
    if (len) mt_printf(p, ": %O", msg);
}

static void print_entries(const mt_print_t *p, const mt_exc_t *e) {
    mt_print_str(p, "Traceback (most recent call last):\n");
    size_t repeat = 0;
    for (size_t i = e->tb_len; i-- > 0;) {
        const mt_tb_entry_t *tb = &e->tb[i];
        bool same = i + 1 < e->tb_len && memcmp(tb, tb + 1, sizeof(*tb)) == 0;
        repeat = same ? repeat + 1 : 0;
        if (repeat >= 3) { /* CPython's collapsing of deep recursion */
            if (i == 0 || memcmp(tb, tb - 1, sizeof(*tb)) != 0)
                mt_printf(p, "  [Previous line repeated %u more time%s]\n", (unsigned)(repeat - 2),
                          repeat - 2 == 1 ? "" : "s");
            continue;
        }
        mt_printf(p, "  File \"%q\", line %u, in %q\n", tb->file, (unsigned)tb->line, tb->block);
    }
}

static void print_chain(const mt_print_t *p, mt_obj_t exc, int depth) {
    mt_exc_t *e = mt_exc_get(exc);
    if (e == NULL) {
        mt_printf(p, "%R\n", exc);
        return;
    }
    if (depth < 32) {
        if (e->cause != MT_NONE && mt_obj_is_exception_instance(e->cause)) {
            print_chain(p, e->cause, depth + 1);
            mt_print_str(p, "\nThe above exception was the direct cause of the following "
                            "exception:\n\n");
        } else if (!e->suppress_context && e->context != MT_NONE &&
                   mt_obj_is_exception_instance(e->context)) {
            print_chain(p, e->context, depth + 1);
            mt_print_str(p, "\nDuring handling of the above exception, another exception "
                            "occurred:\n\n");
        }
    }
    if (e->tb_len) print_entries(p, e);
    mt_exc_print_message(p, exc);
    mt_print_str(p, "\n");
}

void mt_exc_print_traceback(const mt_print_t *p, mt_obj_t exc) {
    print_chain(p, exc, 0);
}
