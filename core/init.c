/* Start-up of the core, the global state, and asynchronous events (Ctrl-C, schedule). */
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "state.h"
#include "vm.h"

mt_state_t mt_state;
volatile int mt_pending;

/* The interpreter's fixed objects live outside the GC heap, as in MicroPython's VM state:
 * sys.modules, __main__'s globals, sys.path, sys.argv and the schedule queue. Their tables
 * and items are heap blocks, so the struct is a GC root. (The preallocated exceptions stay in
 * the heap: exceptions outside it are const to core/exc.c, without tracebacks.) */
static struct {
    mt_dict_t modules, main_globals;
    mt_list_t path, argv, sched;
} fixed;

static mt_obj_t fixed_dict(mt_dict_t *d) {
    d->base.type = &mt_type_dict;
    mt_map_init(&d->map, 0);
    return MT_OBJ_FROM_PTR(d);
}

static mt_obj_t fixed_list(mt_list_t *l) {
    l->base.type = &mt_type_list;
    return MT_OBJ_FROM_PTR(l);
}

void mt_gc_set_stack_top(void *top) {
    mt_state.stack_top = top;
}

void mt_init(void *heap, size_t heap_size, char *stack_top, size_t stack_budget) {
    memset(&mt_state, 0, sizeof(mt_state));
    mt_pending = 0;
    mt_nlr_top = NULL;
    mt_vm_reset(); /* a hard reset may have jumped out of running frames */
    mt_state.stack_top = stack_top;
    mt_state.stack_limit = stack_top - stack_budget;
    mt_state.interrupt_char = 3;
    mt_gc_init(heap, (char *)heap + heap_size);
    mt_qstr_init();
    memset(&fixed, 0, sizeof(fixed));
    mt_gc_add_root(&fixed, sizeof(fixed) / sizeof(void *));
    mt_state.memory_error = mt_exc_new(&mt_type_MemoryError, 0, NULL);
    mt_state.kbd_exc = mt_exc_new(&mt_type_KeyboardInterrupt, 0, NULL);
    mt_state.modules = fixed_dict(&fixed.modules);
    mt_state.main_globals = fixed_dict(&fixed.main_globals);
    mt_dict_store(mt_state.main_globals, MT_NEW_QSTR(MT_QSTR___name__),
                  MT_NEW_QSTR(MT_QSTR___main__));
    mt_state.sys_path = fixed_list(&fixed.path);
    mt_state.sys_argv = fixed_list(&fixed.argv);
    mt_state.sched_queue = fixed_list(&fixed.sched);
}

void mt_deinit(void) {
    mt_gc_collect();
}

/* Called by the VM when mt_pending is set: raise a pending KeyboardInterrupt, or run the
 * callbacks queued by micropython.schedule (each an (function, argument) pair). */
void mt_handle_pending(void) {
    mt_pending = 0;
    mt_obj_t exc = mt_state.pending_exc;
    if (exc != MT_NULL) {
        mt_state.pending_exc = MT_NULL;
        mt_raise(exc);
    }
    size_t n;
    mt_obj_t *items;
    mt_list_get(mt_state.sched_queue, &n, &items);
    while (n >= 2) {
        mt_obj_t fun = items[0], arg = items[1];
        memmove(items, items + 2, (n - 2) * sizeof(mt_obj_t));
        ((mt_list_t *)MT_OBJ_TO_PTR(mt_state.sched_queue))->len = n - 2;
        mt_call1(fun, arg);
        mt_list_get(mt_state.sched_queue, &n, &items);
    }
}
