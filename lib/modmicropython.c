/* The micropython module: const, opt_level, mem_info, qstr_info, stack_use, heap_lock,
 * heap_unlock, heap_locked, kbd_intr, schedule, alloc_emergency_exception_buf, and the
 * native/viper decorators (identity: bytecode is the only emitter). */
#include "gc.h"
#include "hal.h"
#include "modsys.h"
#include "state.h"

/* callbacks micropython.schedule may queue before RuntimeError "schedule queue full" */
#define SCHED_QUEUE_MAX 8

static mt_obj_t mpy_identity(mt_obj_t o) {
    return o;
}
static MT_DEFINE_FUN_1(mpy_identity_obj, mpy_identity);

static mt_obj_t mpy_opt_level(size_t n, const mt_obj_t *args) {
    if (n == 0) {
        return MT_NEW_SMALL_INT(mt_state.opt_level);
    }
    mt_state.opt_level = (int)mt_obj_get_int(args[0]);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(mpy_opt_level_obj, 0, 1, mpy_opt_level);

static void stdout_sink(void *data, const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}
static const mt_print_t stdout_print_obj = {NULL, stdout_sink};

static size_t stack_used(void) {
    return (size_t)(mt_state.stack_top - mt_hal_stack_pointer());
}

/* mem_info([verbose]): the stack and the GC heap, in MicroPython's layout (sizes in bytes,
 * block counts and "max free sz" in blocks) */
static mt_obj_t mpy_mem_info(size_t n, const mt_obj_t *args) {
    const mt_print_t *p = &stdout_print_obj;
    mt_gc_info_t info;
    mt_gc_info(&info);
    mt_printf(p, "stack: %u out of %u\n", (unsigned)stack_used(),
              (unsigned)(mt_state.stack_top - mt_state.stack_limit));
    mt_printf(p, "GC: total: %u, used: %u, free: %u\n", (unsigned)info.total, (unsigned)info.used,
              (unsigned)info.free);
    mt_printf(p, " No. of 1-blocks: %u, 2-blocks: %u, max blk sz: %u, max free sz: %u\n",
              (unsigned)info.n_blocks_1, (unsigned)info.n_blocks_2, (unsigned)info.n_blocks_max,
              (unsigned)(info.max_free_block / MT_CONFIG_GC_BLOCK));
    if (n > 0 && mt_is_true(args[0])) {
        mt_printf(p, "GC: peak used: %u, block size: %u\n", (unsigned)info.peak_used,
                  (unsigned)MT_CONFIG_GC_BLOCK);
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(mpy_mem_info_obj, 0, 1, mpy_mem_info);

static mt_obj_t mpy_qstr_info(size_t n, const mt_obj_t *args) {
    size_t n_pool, n_qstr, n_bytes;
    mt_qstr_info(&n_pool, &n_qstr, &n_bytes);
    mt_printf(&stdout_print_obj, "qstr pool: n_pool=%u, n_qstr=%u, n_str_data_bytes=%u\n",
              (unsigned)n_pool, (unsigned)n_qstr, (unsigned)n_bytes);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(mpy_qstr_info_obj, 0, 1, mpy_qstr_info);

static mt_obj_t mpy_stack_use(void) {
    return MT_NEW_SMALL_INT(stack_used());
}
static MT_DEFINE_FUN_0(mpy_stack_use_obj, mpy_stack_use);

static mt_obj_t mpy_heap_lock(void) {
    mt_gc_lock();
    return MT_NONE;
}
static MT_DEFINE_FUN_0(mpy_heap_lock_obj, mpy_heap_lock);

/* returns the lock depth left (0 or 1: the GC reports only locked/unlocked) */
static mt_obj_t mpy_heap_unlock(void) {
    mt_gc_unlock();
    return MT_NEW_SMALL_INT(mt_gc_is_locked());
}
static MT_DEFINE_FUN_0(mpy_heap_unlock_obj, mpy_heap_unlock);

static mt_obj_t mpy_heap_locked(void) {
    return MT_NEW_SMALL_INT(mt_gc_is_locked());
}
static MT_DEFINE_FUN_0(mpy_heap_locked_obj, mpy_heap_locked);

static mt_obj_t mpy_kbd_intr(mt_obj_t c) {
    mt_state.interrupt_char = (int)mt_obj_get_int(c);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(mpy_kbd_intr_obj, mpy_kbd_intr);

/* schedule(fun, arg): fun(arg) runs "soon", between bytecodes of the main program */
static mt_obj_t mpy_schedule(mt_obj_t fun, mt_obj_t arg) {
    if (mt_len(mt_state.sched_queue) >= 2 * SCHED_QUEUE_MAX) {
        mt_raise_msg(&mt_type_RuntimeError, "schedule queue full");
    }
    mt_list_append(mt_state.sched_queue, fun);
    mt_list_append(mt_state.sched_queue, arg);
    mt_pending = 1;
    return MT_NONE;
}
static MT_DEFINE_FUN_2(mpy_schedule_obj, mpy_schedule);

/* exceptions in an interrupt handler use the preallocated MemoryError's path: nothing to do */
static mt_obj_t mpy_alloc_emergency_exception_buf(mt_obj_t size) {
    mt_obj_get_int(size);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(mpy_alloc_emergency_exception_buf_obj, mpy_alloc_emergency_exception_buf);

static const mt_map_elem_t mpy_globals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_micropython)},
    {MT_ROM_QSTR(MT_QSTR_const), MT_ROM_PTR(&mpy_identity_obj)},
    {MT_ROM_QSTR(MT_QSTR_native), MT_ROM_PTR(&mpy_identity_obj)},
    {MT_ROM_QSTR(MT_QSTR_viper), MT_ROM_PTR(&mpy_identity_obj)},
    {MT_ROM_QSTR(MT_QSTR_opt_level), MT_ROM_PTR(&mpy_opt_level_obj)},
    {MT_ROM_QSTR(MT_QSTR_mem_info), MT_ROM_PTR(&mpy_mem_info_obj)},
    {MT_ROM_QSTR(MT_QSTR_qstr_info), MT_ROM_PTR(&mpy_qstr_info_obj)},
    {MT_ROM_QSTR(MT_QSTR_stack_use), MT_ROM_PTR(&mpy_stack_use_obj)},
    {MT_ROM_QSTR(MT_QSTR_heap_lock), MT_ROM_PTR(&mpy_heap_lock_obj)},
    {MT_ROM_QSTR(MT_QSTR_heap_unlock), MT_ROM_PTR(&mpy_heap_unlock_obj)},
    {MT_ROM_QSTR(MT_QSTR_heap_locked), MT_ROM_PTR(&mpy_heap_locked_obj)},
    {MT_ROM_QSTR(MT_QSTR_kbd_intr), MT_ROM_PTR(&mpy_kbd_intr_obj)},
    {MT_ROM_QSTR(MT_QSTR_schedule), MT_ROM_PTR(&mpy_schedule_obj)},
    {MT_ROM_QSTR(MT_QSTR_alloc_emergency_exception_buf),
     MT_ROM_PTR(&mpy_alloc_emergency_exception_buf_obj)},
};
MT_DEFINE_MODULE(mt_module_micropython, mpy_globals_table);
