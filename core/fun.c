/* Function objects (argument binding), cells and code objects. */
#include <alloca.h>
#include <stdio.h>

#include "hal.h"
#include "runtime.h"
#include "state.h"
#include "vm.h"

/* ---------------------------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------------------------- */
mt_obj_t mt_cell_new(mt_obj_t value) {
    mt_cell_t *c = mt_new_obj(mt_cell_t);
    c->base.type = &mt_type_cell;
    c->value = value;
    return MT_OBJ_FROM_PTR(c);
}

mt_obj_t mt_cell_get(mt_obj_t cell) {
    return ((mt_cell_t *)MT_OBJ_TO_PTR(cell))->value;
}

void mt_cell_set(mt_obj_t cell, mt_obj_t value) {
    ((mt_cell_t *)MT_OBJ_TO_PTR(cell))->value = value;
}

static void cell_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_obj_t v = mt_cell_get(o);
    if (v == MT_NULL) {
        mt_printf(p, "<cell at %p: empty>", MT_OBJ_TO_PTR(o));
    } else {
        mt_printf(p, "<cell at %p: %q object at %p>", MT_OBJ_TO_PTR(o), mt_obj_type_name(v),
                  MT_OBJ_TO_PTR(v));
    }
}

static void cell_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (attr != MT_QSTR_cell_contents) {
        return;
    }
    if (dest[0] == MT_NULL) {
        mt_obj_t v = mt_cell_get(o);
        if (v == MT_NULL) {
            mt_raise_msg(&mt_type_ValueError, "Cell is empty");
        }
        dest[0] = v;
    } else {
        mt_cell_set(o, dest[1]);
        dest[0] = MT_NULL;
    }
}

const mt_type_t mt_type_cell = {
    .base = {&mt_type_type},
    .name = MT_QSTR_cell,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = cell_print,
    .attr = cell_attr,
};

/* ---------------------------------------------------------------------------------------------
 * Code objects
 * ------------------------------------------------------------------------------------------- */
static void code_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_code_t *c = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<code object %q at %p, file \"%q\", line %u>", c->name, c, c->filename,
              (unsigned)c->first_line);
}

static void code_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    mt_code_t *c = MT_OBJ_TO_PTR(o);
    if (dest[0] != MT_NULL) {
        return;
    }
    switch (attr) {
    case MT_QSTR_co_name: dest[0] = MT_NEW_QSTR(c->name); break;
    case MT_QSTR_co_filename: dest[0] = MT_NEW_QSTR(c->filename); break;
    case MT_QSTR_co_argcount: dest[0] = MT_NEW_SMALL_INT(c->n_pos); break;
    case MT_QSTR_co_firstlineno: dest[0] = MT_NEW_SMALL_INT(c->first_line); break;
    default: break;
    }
}

const mt_type_t mt_type_code = {
    .base = {&mt_type_type},
    .name = MT_QSTR_code,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = code_print,
    .attr = code_attr,
};

/* ---------------------------------------------------------------------------------------------
 * Functions
 * ------------------------------------------------------------------------------------------- */
mt_obj_t mt_fun_new(mt_code_t *code, mt_obj_t globals) {
    mt_fun_t *f = mt_new_obj_var(mt_fun_t, mt_obj_t, code->n_free);
    f->base.type = &mt_type_function;
    f->code = code;
    f->globals = globals;
    f->n_closure = code->n_free;
    return MT_OBJ_FROM_PTR(f);
}

mt_qstr_t mt_fun_qualname(mt_obj_t fun) {
    return ((mt_fun_t *)MT_OBJ_TO_PTR(fun))->code->qualname;
}

static mt_qstr_t fun_name(mt_frame_t *f) {
    return f->code->qualname;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void list_names(mt_vstr_t *v, const mt_qstr_t *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            mt_vstr_add_str(v, n == 2 ? " and " : i + 1 == n ? ", and " : ", ");
        }
        mt_vstr_add_byte(v, '\'');
        mt_vstr_add_str(v, mt_qstr_str(names[i]));
        mt_vstr_add_byte(v, '\'');
    }
}

MT_NORETURN static void missing_args(mt_frame_t *f, size_t from, size_t to, const char *kind) {
    mt_code_t *code = f->code;
    mt_qstr_t *names = alloca(sizeof(mt_qstr_t) * (to - from));
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        if (f->state[i] == MT_NULL) {
            names[n++] = MT_CODE_VARNAMES(code)[i];
        }
    }
    mt_vstr_t v;
    mt_vstr_init(&v, 32);
    list_names(&v, names, n);
    mt_raise_fmt(&mt_type_TypeError, "%q() missing %u required %s argument%s: %s", fun_name(f),
                 (unsigned)n, kind, n == 1 ? "" : "s", mt_vstr_null_terminated(&v));
}

MT_NORETURN static void too_many_positional(mt_frame_t *f, size_t given, size_t n_kwonly_given) {
    mt_fun_t *fun = f->fun;
    mt_code_t *code = f->code;
    size_t n_def = 0;
    if (fun->defaults != MT_NULL) {
        mt_obj_t *items;
        mt_tuple_get(fun->defaults, &n_def, &items);
    }
    char takes[48];
    size_t max = code->n_pos, min = max - n_def;
    if (n_def > 0) {
        snprintf(takes, sizeof(takes), "from %u to %u positional arguments", (unsigned)min,
                 (unsigned)max);
    } else {
        snprintf(takes, sizeof(takes), "%u positional argument%s", (unsigned)max,
                 max == 1 ? "" : "s");
    }
    char kw[64] = "";
    if (n_kwonly_given > 0) {
        snprintf(kw, sizeof(kw), " positional argument%s (and %u keyword-only argument%s)",
                 given == 1 ? "" : "s", (unsigned)n_kwonly_given, n_kwonly_given == 1 ? "" : "s");
    }
    mt_raise_fmt(&mt_type_TypeError, "%q() takes %s but %u%s %s given", fun_name(f), takes,
                 (unsigned)given, kw, given == 1 && n_kwonly_given == 0 ? "was" : "were");
}

static void bind_keyword(mt_frame_t *f, mt_obj_t key, mt_obj_t value, mt_obj_t kwdict) {
    mt_code_t *code = f->code;
    mt_qstr_t q = MT_IS_QSTR(key) ? MT_QSTR_VALUE(key) : mt_obj_str_to_qstr(key);
    size_t end = code->n_pos + code->n_kwonly;
    for (size_t i = code->n_posonly; i < end; i++) {
        if (MT_CODE_VARNAMES(code)[i] == q) {
            if (f->state[i] != MT_NULL) {
                mt_raise_fmt(&mt_type_TypeError, "%q() got multiple values for argument '%q'",
                             fun_name(f), q);
            }
            f->state[i] = value;
            return;
        }
    }
    if (kwdict != MT_NULL) {
        mt_dict_store(kwdict, MT_NEW_QSTR(q), value);
        return;
    }
    for (size_t i = 0; i < code->n_posonly; i++) {
        if (MT_CODE_VARNAMES(code)[i] == q) {
            mt_raise_fmt(&mt_type_TypeError,
                         "%q() got some positional-only arguments passed as keyword arguments: "
                         "'%q'",
                         fun_name(f), q);
        }
    }
    mt_raise_fmt(&mt_type_TypeError, "%q() got an unexpected keyword argument '%q'", fun_name(f),
                 q);
}

void mt_frame_bind_args(mt_frame_t *f, size_t n_args, size_t n_kw, const mt_obj_t *args) {
    mt_code_t *code = f->code;
    mt_fun_t *fun = f->fun;
    mt_obj_t *fast = f->state;
    size_t n_pos = code->n_pos;
    uint16_t flags = code->flags;
    if (n_args == n_pos && n_kw == 0 && !(flags & (MT_CODE_VARARGS | MT_CODE_VARKW)) &&
        code->n_kwonly == 0) {
        for (size_t i = 0; i < n_args; i++) {
            fast[i] = args[i];
        }
        return;
    }
    size_t slot = n_pos + code->n_kwonly;
    size_t n = n_args < n_pos ? n_args : n_pos;
    for (size_t i = 0; i < n; i++) {
        fast[i] = args[i];
    }
    if (flags & MT_CODE_VARARGS) {
        fast[slot++] =
            n_args > n_pos ? mt_tuple_new(n_args - n_pos, args + n_pos) : mt_tuple_new(0, NULL);
    }
    mt_obj_t kwdict = MT_NULL;
    if (flags & MT_CODE_VARKW) {
        kwdict = fast[slot] = mt_dict_new(n_kw);
    }
    const mt_obj_t *kw = args + n_args;
    for (size_t i = 0; i < n_kw; i++) {
        bind_keyword(f, kw[2 * i], kw[2 * i + 1], kwdict);
    }
    if (n_args > n_pos && !(flags & MT_CODE_VARARGS)) {
        size_t kwonly_given = 0;
        for (size_t i = n_pos; i < n_pos + code->n_kwonly; i++) {
            kwonly_given += fast[i] != MT_NULL;
        }
        too_many_positional(f, n_args, kwonly_given);
    }
    if (n < n_pos) {
        if (fun->defaults != MT_NULL) {
            size_t n_def;
            mt_obj_t *defs;
            mt_tuple_get(fun->defaults, &n_def, &defs);
            for (size_t i = n_pos - n_def; i < n_pos; i++) {
                if (fast[i] == MT_NULL) {
                    fast[i] = defs[i - (n_pos - n_def)];
                }
            }
        }
        for (size_t i = n; i < n_pos; i++) {
            if (fast[i] == MT_NULL) {
                missing_args(f, 0, n_pos, "positional");
            }
        }
    }
    for (size_t i = n_pos; i < n_pos + code->n_kwonly; i++) {
        if (fast[i] == MT_NULL) {
            mt_obj_t d = fun->kwdefaults != MT_NULL
                             ? mt_dict_get(fun->kwdefaults, MT_NEW_QSTR(MT_CODE_VARNAMES(code)[i]))
                             : MT_NULL;
            if (d == MT_NULL) {
                missing_args(f, n_pos, n_pos + code->n_kwonly, "keyword-only");
            }
            fast[i] = d;
        }
    }
}

/* GCC would turn the short copy loops below into memset/memcpy calls */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

NO_LIBCALLS mt_obj_t mt_fun_call(mt_obj_t self, size_t n_args, size_t n_kw, const mt_obj_t *args) {
    mt_fun_t *fun = MT_OBJ_TO_PTR(self);
    mt_code_t *code = fun->code;
    if (code->flags & (MT_CODE_GENERATOR | MT_CODE_COROUTINE | MT_CODE_ASYNC_GENERATOR)) {
        return mt_gen_new(fun, n_args, n_kw, args);
    }
    if (mt_hal_stack_pointer() < mt_state.stack_limit) {
        mt_stack_check(); /* raises RecursionError */
    }
    if (mt_pending) {
        mt_handle_pending();
    }
    mt_frame_t *f = alloca(MT_FRAME_SIZE(code));
    if (n_args == code->n_pos && n_kw == 0 && code->n_kwonly == 0 &&
        !(code->flags & (MT_CODE_VARARGS | MT_CODE_VARKW))) {
        mt_frame_setup(f, fun, MT_NULL, n_args, args); /* the common case: positionals only */
    } else {
        mt_frame_init(f, fun, MT_NULL);
        mt_frame_bind_args(f, n_args, n_kw, args);
    }
    mt_obj_t ret;
    mt_vm_run(f, MT_NULL, &ret);
    return ret;
}

mt_obj_t mt_fun_call_with_locals(mt_obj_t self, mt_obj_t locals) {
    mt_fun_t *fun = MT_OBJ_TO_PTR(self);
    mt_code_t *code = fun->code;
    mt_stack_check();
    mt_frame_t *f = alloca(MT_FRAME_SIZE(code));
    mt_frame_init(f, fun, locals != MT_NULL ? locals : fun->globals);
    mt_obj_t ret;
    mt_vm_run(f, MT_NULL, &ret);
    return ret;
}

static void fun_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_printf(p, "<function %q at %p>", mt_fun_qualname(o), MT_OBJ_TO_PTR(o));
}

static mt_obj_t closure_tuple(mt_fun_t *f) {
    return f->n_closure ? mt_tuple_new(f->n_closure, f->closure) : MT_NONE;
}

static void fun_load_attr(mt_fun_t *f, mt_qstr_t attr, mt_obj_t *dest) {
    if (f->dict != MT_NULL) {
        mt_obj_t v = mt_dict_get(f->dict, MT_NEW_QSTR(attr));
        if (v != MT_NULL) {
            dest[0] = v;
            return;
        }
    }
    switch (attr) {
    case MT_QSTR___name__: dest[0] = MT_NEW_QSTR(f->code->name); break;
    case MT_QSTR___qualname__: dest[0] = MT_NEW_QSTR(f->code->qualname); break;
    case MT_QSTR___doc__: dest[0] = MT_NONE; break;
    case MT_QSTR___module__: {
        mt_obj_t m = mt_dict_get(f->globals, MT_NEW_QSTR(MT_QSTR___name__));
        dest[0] = m != MT_NULL ? m : MT_NONE;
        break;
    }
    case MT_QSTR___defaults__: dest[0] = f->defaults != MT_NULL ? f->defaults : MT_NONE; break;
    case MT_QSTR___kwdefaults__:
        dest[0] = f->kwdefaults != MT_NULL ? f->kwdefaults : MT_NONE;
        break;
    case MT_QSTR___code__: dest[0] = MT_OBJ_FROM_PTR(f->code); break;
    case MT_QSTR___globals__: dest[0] = f->globals; break;
    case MT_QSTR___closure__: dest[0] = closure_tuple(f); break;
    case MT_QSTR___dict__:
        if (f->dict == MT_NULL) {
            f->dict = mt_dict_new(0);
        }
        dest[0] = f->dict;
        break;
    default: break;
    }
}

static void fun_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    mt_fun_t *f = MT_OBJ_TO_PTR(o);
    if (dest[0] == MT_NULL) {
        fun_load_attr(f, attr, dest);
        return;
    }
    if (attr == MT_QSTR___defaults__) {
        f->defaults = dest[1] == MT_NONE ? MT_NULL : dest[1];
    } else if (attr == MT_QSTR___kwdefaults__) {
        f->kwdefaults = dest[1] == MT_NONE ? MT_NULL : dest[1];
    } else if (dest[1] == MT_NULL) {
        if (f->dict == MT_NULL ||
            mt_map_lookup(mt_dict_map(f->dict), MT_NEW_QSTR(attr), MT_MAP_LOOKUP_REMOVE) == NULL) {
            return; /* AttributeError */
        }
    } else {
        if (f->dict == MT_NULL) {
            f->dict = mt_dict_new(1);
        }
        mt_dict_store(f->dict, MT_NEW_QSTR(attr), dest[1]);
    }
    dest[0] = MT_NULL;
}

const mt_type_t mt_type_function = {
    .base = {&mt_type_type},
    .name = MT_QSTR_function,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = fun_print,
    .call = mt_fun_call,
    .attr = fun_attr,
};

/* Closures are functions with cells (mt_fun_t.closure): this type has no instances; it exists
 * for code that names it. */
const mt_type_t mt_type_closure = {
    .base = {&mt_type_type},
    .name = MT_QSTR_function,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = fun_print,
    .call = mt_fun_call,
    .attr = fun_attr,
};
