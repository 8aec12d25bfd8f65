/* Start-up of the core, the global state, and asynchronous events (Ctrl-C, schedule). */
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "state.h"

mt_state_t mt_state;
volatile int mt_pending;

void mt_gc_set_stack_top(void *top) {
    mt_state.stack_top = top;
}

void mt_init(void *heap, size_t heap_size, char *stack_top, size_t stack_budget) {
    memset(&mt_state, 0, sizeof(mt_state));
    mt_pending = 0;
    mt_nlr_top = NULL;
    mt_state.stack_top = stack_top;
    mt_state.stack_limit = stack_top - stack_budget;
    mt_state.interrupt_char = 3;
    mt_gc_init(heap, (char *)heap + heap_size);
    mt_qstr_init();
    mt_state.memory_error = mt_exc_new(&mt_type_MemoryError, 0, NULL);
    mt_state.kbd_exc = mt_exc_new(&mt_type_KeyboardInterrupt, 0, NULL);
    mt_state.modules = mt_dict_new(8);
    mt_state.main_globals = mt_dict_new(8);
    mt_dict_store(mt_state.main_globals, MT_NEW_QSTR(MT_QSTR___name__),
                  MT_NEW_QSTR(MT_QSTR___main__));
    mt_state.sys_path = mt_list_new(0, NULL);
    mt_state.sys_argv = mt_list_new(0, NULL);
    mt_state.sched_queue = mt_list_new(0, NULL);
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
