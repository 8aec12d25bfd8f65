/* Module objects and the registry of built-in C modules (core/modules.h). A module's
 * attributes are its globals dict; a C module may also have an attr hook for state that
 * lives elsewhere (sys.path ...), consulted first. */
#include "modules.h"

#include "runtime.h"
#include "state.h"

static const mt_map_elem_t registry_table[] = {
#define X(q, obj) {MT_ROM_QSTR(q), MT_ROM_PTR(&obj)},
    MT_BUILTIN_MODULES(X)
#undef X
};
static MT_DEFINE_CONST_MAP(registry, registry_table);

const mt_map_t *mt_module_overlay;

mt_obj_t mt_module_find_builtin(mt_qstr_t name) {
    mt_map_elem_t *e = mt_module_overlay ? mt_map_lookup_qstr(mt_module_overlay, name) : NULL;
    if (e == NULL) e = mt_map_lookup_qstr(&registry, name);
    return e != NULL ? e->value : MT_NULL;
}

mt_obj_t mt_module_new(mt_qstr_t name) {
    mt_module_t *m = mt_new_obj(mt_module_t);
    m->base.type = &mt_type_module;
    m->globals = MT_OBJ_TO_PTR(mt_dict_new(4));
    mt_dict_store(MT_OBJ_FROM_PTR(m->globals), MT_NEW_QSTR(MT_QSTR___name__), MT_NEW_QSTR(name));
    return MT_OBJ_FROM_PTR(m);
}

mt_obj_t mt_module_globals(mt_obj_t module) {
    return MT_OBJ_FROM_PTR(((mt_module_t *)MT_OBJ_TO_PTR(module))->globals);
}

static mt_obj_t global(const mt_module_t *m, mt_qstr_t name) {
    mt_map_elem_t *e = mt_map_lookup_qstr(&m->globals->map, name);
    return e != NULL ? e->value : MT_NULL;
}

static void module_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    const mt_module_t *m = MT_OBJ_TO_PTR(o);
    mt_obj_t name = global(m, MT_QSTR___name__);
    mt_obj_t file = global(m, MT_QSTR___file__);
    mt_printf(p, "<module %R", name != MT_NULL ? name : MT_NEW_QSTR(MT_QSTR_NULL));
    if (file != MT_NULL)
        mt_printf(p, " from %R>", file);
    else if (m->globals->map.is_fixed)
        mt_print_str(p, " (built-in)>");
    else
        mt_print_str(p, ">");
}

static void module_attr(mt_obj_t o, mt_qstr_t name, mt_obj_t *dest) {
    mt_module_t *m = MT_OBJ_TO_PTR(o);
    bool store = dest[0] == MT_SENTINEL;
    if (m->attr != NULL) {
        m->attr(o, name, dest);
        if (store ? dest[0] == MT_NULL : dest[0] != MT_NULL) return;
    }
    mt_map_t *map = &m->globals->map;
    if (store) {
        if (map->is_fixed) return;
        if (dest[1] == MT_NULL) {
            if (mt_map_lookup(map, MT_NEW_QSTR(name), MT_MAP_LOOKUP_REMOVE) == NULL) return;
        } else {
            mt_map_lookup(map, MT_NEW_QSTR(name), MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
        }
        dest[0] = MT_NULL;
        return;
    }
    mt_obj_t v = global(m, name);
    if (v == MT_NULL && name == MT_QSTR___dict__) v = MT_OBJ_FROM_PTR(m->globals);
    if (v == MT_NULL && name != MT_QSTR___getattr__) {
        mt_obj_t getattr = global(m, MT_QSTR___getattr__); /* PEP 562 */
        if (getattr != MT_NULL) v = mt_call1(getattr, MT_NEW_QSTR(name));
    }
    dest[0] = v;
}

const mt_type_t mt_type_module = {
    .base = {&mt_type_type},
    .name = MT_QSTR_module,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = module_print,
    .attr = module_attr,
};
