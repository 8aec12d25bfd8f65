/* The type of built-in functions (mt_fun_builtin_t, obj.h): its call slot checks the number of
 * arguments and passes keywords to KW functions as a map laid over the caller's array. */
#include "modules.h"
#include "runtime.h"

/* the name a builtin function has in the builtins module, or 0 */
static mt_qstr_t builtin_name(mt_obj_t fun) {
    const mt_map_t *map = &mt_module_builtins.globals->map;
    for (size_t i = 0; i < map->used; i++)
        if (map->elems[i].value == fun && MT_IS_QSTR(map->elems[i].key))
            return MT_QSTR_VALUE(map->elems[i].key);
    return MT_QSTR_NULL;
}

static void fun_builtin_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_qstr_t name = builtin_name(o);
    if (name != MT_QSTR_NULL)
        mt_printf(p, "<built-in function %q>", name);
    else
        mt_printf(p, "<built-in function at %p>", MT_OBJ_TO_PTR(o));
}

static void fun_builtin_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] == MT_SENTINEL) return;
    if (attr == MT_QSTR___name__ || attr == MT_QSTR___qualname__) {
        mt_qstr_t name = builtin_name(o);
        dest[0] = MT_NEW_QSTR(name);
    } else if (attr == MT_QSTR___doc__) {
        dest[0] = MT_NONE;
    }
}

MT_NORETURN static void raise_count(const mt_fun_builtin_t *f, size_t n) {
    if (f->n_args_min == f->n_args_max)
        mt_raise_fmt(&mt_type_TypeError, "function takes %u positional argument%s but %u %s given",
                     (unsigned)f->n_args_min, f->n_args_min == 1 ? "" : "s", (unsigned)n,
                     n == 1 ? "was" : "were");
    if (n < f->n_args_min)
        mt_raise_fmt(&mt_type_TypeError, "function missing %u required positional argument%s",
                     (unsigned)(f->n_args_min - n), f->n_args_min - n == 1 ? "" : "s");
    mt_raise_fmt(&mt_type_TypeError, "function expected at most %u argument%s, got %u",
                 (unsigned)f->n_args_max, f->n_args_max == 1 ? "" : "s", (unsigned)n);
}

static mt_obj_t fun_builtin_call(mt_obj_t self, size_t n, size_t n_kw, const mt_obj_t *args) {
    const mt_fun_builtin_t *f = MT_OBJ_TO_PTR(self);
    if (n < f->n_args_min || n > f->n_args_max) raise_count(f, n);
    if (f->kind == MT_FUN_KIND_KW) {
        /* the n_kw (key, value) pairs after the positional args are laid out as map entries */
        mt_map_t kw = {.used = (uint32_t)n_kw,
                       .alloc = (uint32_t)n_kw,
                       .filled = (uint32_t)n_kw,
                       .is_fixed = 1,
                       .all_keys_are_qstrs = 1,
                       .elems = (mt_map_elem_t *)(args + n)};
        return f->fun.kw(n, args, &kw);
    }
    if (n_kw != 0) mt_raise_type_error("function doesn't take keyword arguments");
    if (f->kind == MT_FUN_KIND_VAR) return f->fun.var(n, args);
    switch (n) {
    case 0: return f->fun.f0();
    case 1: return f->fun.f1(args[0]);
    case 2: return f->fun.f2(args[0], args[1]);
    default: return f->fun.f3(args[0], args[1], args[2]);
    }
}

const mt_type_t mt_type_fun_builtin = {
    .base = {&mt_type_type},
    .name = MT_QSTR_builtin_function_or_method,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = fun_builtin_print,
    .call = fun_builtin_call,
    .attr = fun_builtin_attr,
};
