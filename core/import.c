/* import: sys.modules, the built-in C modules (core/modules.h), then source files on sys.path
 * (NAME.py, or a package NAME/__init__.py; a directory without __init__.py is a namespace
 * package). Dotted names import their parents first; relative imports resolve against the
 * importing module's __package__ (or __name__). A module is in sys.modules while its code
 * runs (so circular imports see the partial module) and is removed if that code fails. */
#include "ast.h"
#include "hal.h"
#include "nlr.h"
#include "persist.h"
#include "runtime.h"
#include "state.h"
#include "types/containers.h"
#include "vm.h"

/* ---- names ------------------------------------------------------------------------------ */

static mt_obj_t modules_get(mt_qstr_t name) {
    return mt_dict_get(mt_state.modules, MT_NEW_QSTR(name));
}

static mt_obj_t global_of(mt_obj_t module, mt_qstr_t name) {
    if (!MT_IS_TYPE(module, &mt_type_module)) return mt_load_attr_maybe(module, name);
    return mt_dict_get(mt_module_globals(module), MT_NEW_QSTR(name));
}

MT_NORETURN static void not_found(const char *name, size_t len) {
    mt_raise_fmt(&mt_type_ModuleNotFoundError, "No module named '%.*s'", (int)len, name);
}

/* "a.b" + "." + "c" as a qstr */
static mt_qstr_t join_name(mt_obj_t prefix, mt_qstr_t last) {
    mt_vstr_t v;
    size_t n;
    const char *s = mt_str_data(prefix, &n);
    mt_vstr_init(&v, n + 16);
    mt_vstr_add_strn(&v, s, n);
    mt_vstr_add_byte(&v, '.');
    mt_vstr_add_str(&v, mt_qstr_str(last));
    mt_qstr_t q = mt_qstr_from_strn(v.buf, v.len);
    mt_vstr_clear(&v);
    return q;
}

/* ---- finding source files ----------------------------------------------------------------- */

typedef enum { FOUND_NONE, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE } found_kind_t;

typedef struct {
    found_kind_t kind;
    mt_obj_t file; /* str: the .py to run */
    mt_obj_t dir;  /* str: the package directory */
} found_t;

/* dir + "/" + name + suffix, NUL-terminated, in v */
static const char *make_path(mt_vstr_t *v, mt_obj_t dir, const char *name, const char *suffix) {
    size_t n;
    const char *d = mt_str_data(dir, &n);
    v->len = 0;
    if (n) {
        mt_vstr_add_strn(v, d, n);
        if (d[n - 1] != '/') mt_vstr_add_byte(v, '/');
    }
    mt_vstr_add_str(v, name);
    mt_vstr_add_str(v, suffix);
    return mt_vstr_null_terminated(v);
}

static mt_obj_t vstr_str(mt_vstr_t *v) {
    return mt_str_new(v->buf, v->len);
}

/* look for module `name` in the directories of the list `dirs` */
static void locate(mt_obj_t dirs, const char *name, found_t *f) {
    f->kind = FOUND_NONE;
    mt_obj_t namespace_dir = MT_NULL;
    size_t n;
    mt_obj_t *items;
    mt_list_get(mt_obj_native(dirs), &n, &items);
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    for (size_t i = 0; i < n; i++) {
        if (!mt_obj_is_str(items[i])) continue;
        if (mt_hal_stat(make_path(&v, items[i], name, "")) == 2) {
            mt_obj_t dir = vstr_str(&v);
            if (mt_hal_stat(make_path(&v, items[i], name, "/__init__.py")) == 1 ||
                mt_hal_stat(make_path(&v, items[i], name, "/__init__.mpy")) == 1) {
                f->kind = FOUND_PACKAGE;
                f->file = vstr_str(&v);
                f->dir = dir;
                return;
            }
            if (namespace_dir == MT_NULL) namespace_dir = dir;
        }
        if (mt_hal_stat(make_path(&v, items[i], name, ".py")) == 1 ||
            mt_hal_stat(make_path(&v, items[i], name, ".mpy")) == 1) { /* source first */
            f->kind = FOUND_MODULE;
            f->file = vstr_str(&v);
            return;
        }
    }
    if (namespace_dir != MT_NULL) {
        f->kind = FOUND_NAMESPACE;
        f->dir = namespace_dir;
    }
}

/* compile and run a source file in globals */
static void exec_file(mt_obj_t file, mt_obj_t globals) {
    const char *path = mt_obj_str_cstr(file);
    size_t n = strlen(path);
    if (n > 4 && strcmp(path + n - 4, ".mpy") == 0) {
        mt_persist_exec_file(path, globals); /* precompiled bytecode (core/persist.c) */
        return;
    }
    mt_reader_t r;
    if (!mt_reader_new_file(&r, path)) mt_raise_oserror(2);
    mt_obj_t fun = mt_compile(&r, mt_qstr_from_str(path), MT_PARSE_FILE, globals);
    mt_exec_compiled(fun, MT_NULL);
}

/* make the module `name` from what locate found and run its code; `package` is its
 * __package__ */
static mt_obj_t load_found(mt_qstr_t name, const found_t *f, mt_obj_t package) {
    mt_obj_t mod = mt_module_new(name);
    mt_obj_t g = mt_module_globals(mod);
    if (f->kind != FOUND_NAMESPACE) mt_dict_store(g, MT_NEW_QSTR(MT_QSTR___file__), f->file);
    if (f->kind != FOUND_MODULE) {
        mt_dict_store(g, MT_NEW_QSTR(MT_QSTR___path__), mt_list_new(1, &f->dir));
        package = MT_NEW_QSTR(name);
    }
    mt_dict_store(g, MT_NEW_QSTR(MT_QSTR___package__), package);
    mt_obj_t key = MT_NEW_QSTR(name);
    mt_dict_store(mt_state.modules, key, mod);
    if (f->kind == FOUND_NAMESPACE) return mod;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        exec_file(f->file, g);
        mt_nlr_pop();
    } else {
        mt_map_lookup(mt_dict_map(mt_state.modules), key, MT_MAP_LOOKUP_REMOVE);
        mt_nlr_jump(nlr.ret_val);
    }
    mt_obj_t m = mt_dict_get(mt_state.modules, key); /* a module may replace itself */
    return m != MT_NULL ? m : mod;
}

/* ---- importing ------------------------------------------------------------------------------ */

/* `import __main__`: the module of the running script */
static mt_obj_t main_module(void) {
    mt_module_t *m = mt_new_obj(mt_module_t);
    m->base.type = &mt_type_module;
    m->globals = MT_OBJ_TO_PTR(mt_state.main_globals);
    mt_obj_t mod = MT_OBJ_FROM_PTR(m);
    mt_dict_store(mt_state.modules, MT_NEW_QSTR(MT_QSTR___main__), mod);
    return mod;
}

static mt_obj_t builtin_module(mt_qstr_t name) {
    mt_obj_t mod = mt_module_find_builtin(name);
    if (mod != MT_NULL) mt_dict_store(mt_state.modules, MT_NEW_QSTR(name), mod);
    return mod;
}

/* the module `full` whose last component is `comp`, child of parent (MT_NULL: top level) */
static mt_obj_t import_one(mt_qstr_t full, mt_qstr_t comp, mt_obj_t parent) {
    mt_obj_t mod = modules_get(full);
    if (mod != MT_NULL) return mod;
    if (parent == MT_NULL) {
        if (full == MT_QSTR___main__) return main_module();
        if ((mod = builtin_module(full)) != MT_NULL) return mod;
        if ((mod = mt_persist_import_frozen(full)) != MT_NULL) return mod; /* frozen bytecode */
    }
    mt_obj_t dirs = parent == MT_NULL ? mt_state.sys_path : global_of(parent, MT_QSTR___path__);
    if (dirs == MT_NULL)
        mt_raise_fmt(&mt_type_ModuleNotFoundError, "No module named '%q'; '%O' is not a package",
                     full, global_of(parent, MT_QSTR___name__));
    found_t f;
    locate(dirs, mt_qstr_str(comp), &f);
    if (f.kind != FOUND_NONE) {
        mt_obj_t package =
            parent == MT_NULL ? MT_NEW_QSTR(MT_QSTR_NULL) : global_of(parent, MT_QSTR___name__);
        mod = load_found(full, &f, package);
    } else if (parent == MT_NULL && mt_qstr_str(full)[0] == 'u' && mt_qstr_len(full) > 1) {
        /* MicroPython's names: `import ujson` finds json */
        mod = builtin_module(mt_qstr_from_str(mt_qstr_str(full) + 1));
    }
    if (mod == MT_NULL) mt_raise_fmt(&mt_type_ModuleNotFoundError, "No module named '%q'", full);
    if (parent != MT_NULL && MT_IS_TYPE(parent, &mt_type_module) &&
        !((mt_module_t *)MT_OBJ_TO_PTR(parent))->globals->map.is_fixed)
        mt_store_attr(parent, comp, mod);
    return mod;
}

/* import every prefix of the dotted name s[0..len); *top gets the first module */
static mt_obj_t import_dotted(const char *s, size_t len, mt_obj_t *top) {
    mt_obj_t mod = MT_NULL;
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < len && s[j] != '.') j++;
        if (j == i) not_found(s, len);
        mod = import_one(mt_qstr_from_strn(s, j), mt_qstr_from_strn(s + i, j - i), mod);
        if (i == 0) *top = mod;
        if (j >= len) return mod;
        i = j + 1;
    }
}

/* the package a relative import in the running code is relative to */
static mt_obj_t current_package(void) {
    mt_obj_t g = mt_vm_globals();
    mt_obj_t pkg = mt_dict_get(g, MT_NEW_QSTR(MT_QSTR___package__));
    if (pkg != MT_NULL && pkg != MT_NONE) return pkg;
    mt_obj_t name = mt_dict_get(g, MT_NEW_QSTR(MT_QSTR___name__));
    if (name == MT_NULL || !mt_obj_is_str(name)) return MT_NEW_QSTR(MT_QSTR_NULL);
    if (mt_dict_get(g, MT_NEW_QSTR(MT_QSTR___path__)) != MT_NULL) return name;
    size_t n;
    const char *s = mt_str_data(name, &n);
    while (n > 0 && s[n - 1] != '.') n--;
    return mt_str_new(s, n ? n - 1 : 0);
}

/* the absolute name of a relative import of `name` (may be empty) at `level` into v */
static void resolve_relative(mt_vstr_t *v, const char *name, size_t len, int level) {
    size_t n;
    const char *pkg = mt_str_data(current_package(), &n);
    if (n == 0)
        mt_raise_msg(&mt_type_ImportError,
                     "attempted relative import with no known parent package");
    for (int i = 1; i < level; i++) {
        while (n > 0 && pkg[n - 1] != '.') n--;
        if (n == 0)
            mt_raise_msg(&mt_type_ImportError,
                         "attempted relative import beyond top-level package");
        n--;
    }
    mt_vstr_add_strn(v, pkg, n);
    if (len) {
        mt_vstr_add_byte(v, '.');
        mt_vstr_add_strn(v, name, len);
    }
}

static bool fromlist_empty(mt_obj_t fromlist) {
    if (fromlist == MT_NULL || fromlist == MT_NONE) return true;
    return !mt_is_true(fromlist);
}

mt_obj_t mt_import_name(mt_qstr_t name, mt_obj_t fromlist, int level) {
    size_t len;
    const char *s = mt_qstr_data(name, &len);
    mt_obj_t top, mod;
    if (level > 0) {
        mt_vstr_t v;
        mt_vstr_init(&v, len + 32);
        resolve_relative(&v, s, len, level);
        mod = import_dotted(v.buf, v.len, &top);
        mt_vstr_clear(&v);
        return mod;
    }
    if (len == 0) mt_raise_value_error("Empty module name");
    mod = import_dotted(s, len, &top);
    return fromlist_empty(fromlist) ? top : mod;
}

mt_obj_t mt_import_from(mt_obj_t module, mt_qstr_t name) {
    mt_obj_t v = mt_load_attr_maybe(module, name);
    if (v != MT_NULL) return v;
    mt_obj_t mod_name = global_of(module, MT_QSTR___name__);
    if (mod_name != MT_NULL && mt_obj_is_str(mod_name) &&
        global_of(module, MT_QSTR___path__) != MT_NULL) {
        mt_qstr_t full = join_name(mod_name, name);
        mt_obj_t sub = modules_get(full);
        if (sub != MT_NULL) return sub;
        found_t f;
        locate(global_of(module, MT_QSTR___path__), mt_qstr_str(name), &f);
        if (f.kind != FOUND_NONE) return import_one(full, name, module);
    }
    mt_obj_t file = global_of(module, MT_QSTR___file__);
    if (mod_name == MT_NULL) mod_name = MT_NEW_QSTR(MT_QSTR_NULL);
    if (file == MT_NULL)
        mt_raise_fmt(&mt_type_ImportError, "cannot import name '%q' from '%O' (unknown location)",
                     name, mod_name);
    mt_raise_fmt(&mt_type_ImportError, "cannot import name '%q' from '%O' (%O)", name, mod_name,
                 file);
}

void mt_import_all(mt_obj_t module, mt_map_t *dest) {
    mt_obj_t all = mt_load_attr_maybe(module, MT_QSTR___all__);
    if (all != MT_NULL) {
        mt_iter_buf_t buf;
        mt_obj_t it = mt_getiter(all, &buf), name;
        while ((name = mt_iternext(it)) != MT_NULL) {
            if (!mt_obj_is_str(name))
                mt_raise_fmt(&mt_type_TypeError, "Item in __all__ must be str, not %q",
                             mt_obj_type_name(name));
            mt_qstr_t q = mt_obj_str_to_qstr(name);
            mt_map_lookup(dest, MT_NEW_QSTR(q), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
                mt_load_attr(module, q);
        }
        return;
    }
    /* sys.modules may hold any object: a module's globals, else its __dict__ */
    mt_obj_t names = MT_IS_TYPE(module, &mt_type_module)
                         ? mt_module_globals(module)
                         : mt_load_attr_maybe(module, MT_QSTR___dict__);
    if (names == MT_NULL || !mt_obj_is_dict(names))
        mt_raise_msg(&mt_type_ImportError, "from-import-* object has no __dict__ and no __all__");
    mt_map_t *src = mt_dict_map(names);
    for (size_t i = 0; i < src->used; i++) {
        mt_obj_t k = src->elems[i].key;
        if (k == MT_NULL || !mt_obj_is_str(k)) continue;
        size_t n;
        const char *s = mt_str_data(k, &n);
        if (n == 0 || s[0] == '_') continue;
        mt_map_lookup(dest, k, MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = src->elems[i].value;
    }
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
static mt_obj_t builtin_import(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_name, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_globals, 0, MT_NONE},
        {MT_QSTR_locals, 0, MT_NONE},
        {MT_QSTR_fromlist, 0, MT_NONE},
        {MT_QSTR_level, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[5];
    mt_arg_parse(n, args, kw, 5, spec, a);
    if (!mt_obj_is_str(a[0]))
        mt_raise_fmt(&mt_type_TypeError, "__import__() argument 1 must be str, not %q",
                     mt_obj_type_name(a[0]));
    mt_int_t level = mt_obj_get_int(a[4]);
    if (level < 0) mt_raise_value_error("level must be >= 0");
    return mt_import_name(mt_obj_str_to_qstr(a[0]), a[3], (int)level);
}
MT_DEFINE_FUN_KW(mt_builtin___import___obj, 1, builtin_import);

/* ---- mote -m ------------------------------------------------------------------------------ */

mt_obj_t mt_run_main_module(const char *name) {
    size_t len = strlen(name), cut = len;
    while (cut > 0 && name[cut - 1] != '.') cut--;
    mt_obj_t top, parent = MT_NULL, package = MT_NEW_QSTR(MT_QSTR_NULL);
    if (cut > 0) {
        parent = import_dotted(name, cut - 1, &top);
        package = mt_str_new(name, cut - 1);
    }
    mt_obj_t dirs = parent == MT_NULL ? mt_state.sys_path : global_of(parent, MT_QSTR___path__);
    if (dirs == MT_NULL) not_found(name, len);
    found_t f;
    locate(dirs, name + cut, &f);
    if (f.kind == FOUND_NONE) not_found(name, len);
    if (f.kind != FOUND_MODULE) { /* a package: run its __main__.py */
        mt_obj_t pkg_top;
        import_dotted(name, len, &pkg_top);
        mt_obj_t pkg_dirs = mt_list_new(1, &f.dir);
        locate(pkg_dirs, "__main__", &f);
        if (f.kind != FOUND_MODULE)
            mt_raise_fmt(&mt_type_ImportError,
                         "No module named %s.__main__; '%s' is a package and cannot be directly "
                         "executed",
                         name, name);
        package = mt_str_new(name, len);
    }
    mt_obj_t mod = mt_module_new(MT_QSTR___main__);
    mt_obj_t g = mt_module_globals(mod);
    mt_dict_store(g, MT_NEW_QSTR(MT_QSTR___file__), f.file);
    mt_dict_store(g, MT_NEW_QSTR(MT_QSTR___package__), package);
    mt_state.main_globals = g;
    mt_dict_store(mt_state.modules, MT_NEW_QSTR(MT_QSTR___main__), mod);
    exec_file(f.file, g);
    return mod;
}
