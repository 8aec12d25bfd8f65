/* The gc module (MicroPython's): collect, enable, disable, isenabled, mem_free, mem_alloc,
 * threshold. Sizes are exact byte counts of the GC heap (core/gc.h). */
#include "gc.h"
#include "modsys.h"

static mt_obj_t gc_collect(void) {
    mt_gc_collect();
    return MT_NONE;
}
static MT_DEFINE_FUN_0(gc_collect_obj, gc_collect);

static mt_obj_t gc_enable(void) {
    mt_gc_enable(true);
    return MT_NONE;
}
static MT_DEFINE_FUN_0(gc_enable_obj, gc_enable);

static mt_obj_t gc_disable(void) {
    mt_gc_enable(false);
    return MT_NONE;
}
static MT_DEFINE_FUN_0(gc_disable_obj, gc_disable);

static mt_obj_t gc_isenabled(void) {
    return MT_BOOL(mt_gc_is_enabled());
}
static MT_DEFINE_FUN_0(gc_isenabled_obj, gc_isenabled);

static mt_obj_t gc_mem_free(void) {
    mt_gc_info_t info;
    mt_gc_info(&info);
    return mt_int_from_ull(info.free);
}
static MT_DEFINE_FUN_0(gc_mem_free_obj, gc_mem_free);

static mt_obj_t gc_mem_alloc(void) {
    mt_gc_info_t info;
    mt_gc_info(&info);
    return mt_int_from_ull(info.used);
}
static MT_DEFINE_FUN_0(gc_mem_alloc_obj, gc_mem_alloc);

/* threshold(): the current threshold (-1: off); threshold(n): collect after n bytes */
static mt_obj_t gc_threshold(size_t n, const mt_obj_t *args) {
    if (n == 0) {
        return mt_int_from_ll(mt_gc_get_threshold());
    }
    mt_int_t t = mt_obj_get_int(args[0]);
    mt_gc_set_threshold(t < 0 ? -1 : (long)t);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(gc_threshold_obj, 0, 1, gc_threshold);

static const mt_map_elem_t gc_globals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_gc)},
    {MT_ROM_QSTR(MT_QSTR_collect), MT_ROM_PTR(&gc_collect_obj)},
    {MT_ROM_QSTR(MT_QSTR_enable), MT_ROM_PTR(&gc_enable_obj)},
    {MT_ROM_QSTR(MT_QSTR_disable), MT_ROM_PTR(&gc_disable_obj)},
    {MT_ROM_QSTR(MT_QSTR_isenabled), MT_ROM_PTR(&gc_isenabled_obj)},
    {MT_ROM_QSTR(MT_QSTR_mem_free), MT_ROM_PTR(&gc_mem_free_obj)},
    {MT_ROM_QSTR(MT_QSTR_mem_alloc), MT_ROM_PTR(&gc_mem_alloc_obj)},
    {MT_ROM_QSTR(MT_QSTR_threshold), MT_ROM_PTR(&gc_threshold_obj)},
};
MT_DEFINE_MODULE(mt_module_gc, gc_globals_table);
