/* The interpreter's global state: GC roots and flags in one struct, scanned by the GC. */
#ifndef MT_STATE_H
#define MT_STATE_H

#include "obj.h"

typedef struct {
    /* roots: every field up to roots_end is an mt_obj_t or pointer the GC scans */
    mt_obj_t modules;      /* dict: sys.modules */
    mt_obj_t main_globals; /* dict: __main__.__dict__ */
    mt_obj_t sys_path;     /* list */
    mt_obj_t sys_argv;     /* list */
    mt_obj_t cur_exc;      /* the exception being handled (sys.exc_info) */
    mt_obj_t pending_exc;  /* raised asynchronously (KeyboardInterrupt) at the next check */
    mt_obj_t kbd_exc;      /* preallocated KeyboardInterrupt */
    mt_obj_t memory_error; /* preallocated MemoryError */
    mt_obj_t sched_queue;  /* list of (fun, arg) from micropython.schedule */
    mt_obj_t repl_last;    /* the REPL's `_` */
    mt_obj_t extra[16];    /* roots for subsystems (indices named where used) */
    void *roots_end;
    /* not roots */
    char *stack_top;    /* C stack base */
    char *stack_limit;  /* lowest sp allowed before RecursionError */
    int interrupt_char; /* -1 none; else Ctrl-C in input raises KeyboardInterrupt */
    int opt_level;      /* micropython.opt_level / -O */
    int verbose;        /* -v */
} mt_state_t;

extern mt_state_t mt_state;

/* the VM polls this cheaply at backward jumps and calls */
extern volatile int mt_pending;
void mt_handle_pending(void); /* raises mt_state.pending_exc / runs scheduled callbacks */

/* start-up and shut-down of the core */
void mt_init(void *heap, size_t heap_size, char *stack_top, size_t stack_budget);
void mt_deinit(void);

#endif
