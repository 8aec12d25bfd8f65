/* Function objects, cells and the frame a call runs in (core/fun.c, core/vm.c, core/gen.c). */
#ifndef MT_FUN_H
#define MT_FUN_H

#include "bytecode.h"
#include "obj.h"

/* A Python function: code plus what `def` evaluated (globals, defaults, closure cells). */
typedef struct {
    mt_obj_base_t base; /* &mt_type_function */
    mt_code_t *code;
    mt_obj_t globals;    /* dict */
    mt_obj_t defaults;   /* tuple of defaults of the last positional parameters, or MT_NULL */
    mt_obj_t kwdefaults; /* dict of keyword-only defaults, or MT_NULL */
    mt_obj_t dict;       /* attributes set by users (f.x = 1): a dict or MT_NULL */
    size_t n_closure;    /* == code->n_free */
    mt_obj_t closure[];  /* cells */
} mt_fun_t;

/* A cell: the box shared by a function that binds a variable and the closures using it.
 * value MT_NULL = unbound. */
typedef struct {
    mt_obj_base_t base; /* &mt_type_cell */
    mt_obj_t value;
} mt_cell_t;

mt_obj_t mt_cell_new(mt_obj_t value);
mt_obj_t mt_cell_get(mt_obj_t cell);
void mt_cell_set(mt_obj_t cell, mt_obj_t value);

/* a new function object of code bound to globals (no defaults, no closure) */
mt_obj_t mt_fun_new(mt_code_t *code, mt_obj_t globals);
/* the function type's call slot: bind arguments, run (or create the generator) */
mt_obj_t mt_fun_call(mt_obj_t fun, size_t n_args, size_t n_kw, const mt_obj_t *args);
/* run fun's code (no arguments) with `locals_dict` as its namespace: class bodies (called by
 * __build_class__) and exec(code, globals, locals) */
mt_obj_t mt_fun_call_with_locals(mt_obj_t fun, mt_obj_t locals_dict);
/* fun's __qualname__ (for messages) */
mt_qstr_t mt_fun_qualname(mt_obj_t fun);

/* ---- frames (core/vm.c) */
typedef struct {
    uint32_t handler; /* bytecode offset */
    uint32_t level;   /* value-stack depth */
} mt_block_t;

/* One activation of a code object. Frames of plain calls live on the C stack (alloca),
 * generator frames in the heap inside the generator object. Layout of `state`:
 * n_locals local slots, then the value stack (stack_size), then the block stack. */
typedef struct mt_frame_s {
    mt_code_t *code;
    mt_fun_t *fun;
    mt_obj_t globals;        /* dict */
    mt_obj_t locals;         /* namespace dict for NAME ops (module, class body, exec) */
    const uint8_t *ip;       /* next instruction (while running: the current one) */
    mt_obj_t *sp;            /* one past the top of the value stack */
    struct mt_frame_s *back; /* the calling frame while running */
    mt_block_t *blocks;
    uint16_t n_blocks;
    uint8_t is_gen;  /* exceptions are returned (MT_VM_EXCEPTION), not raised */
    uint8_t skip_tb; /* the next traceback entry in this frame is a re-raise */
    uint8_t inlined; /* a heap frame called without C recursion: returns to back */
    mt_obj_t state[];
} mt_frame_t;

#define MT_FRAME_SIZE(code)                                                                        \
    (sizeof(mt_frame_t) + sizeof(mt_obj_t) * ((code)->n_locals + (code)->stack_size) +             \
     sizeof(mt_block_t) * (code)->block_depth)

/* Set up a frame in memory of MT_FRAME_SIZE(code) bytes: the first n_args local slots from
 * args (the call's fast path: exactly the positional parameters), the other plain slots
 * unbound, the closure's cells last; empty stacks. Inline: it is most of a call. */
static inline void mt_frame_setup(mt_frame_t *f, mt_fun_t *fun, mt_obj_t locals, size_t n_args,
                                  const mt_obj_t *args) {
    mt_code_t *code = fun->code;
    f->code = code;
    f->fun = fun;
    f->globals = fun->globals;
    f->locals = locals;
    f->ip = MT_CODE_BYTECODE(code);
    f->back = NULL;
    f->n_blocks = 0;
    f->is_gen = 0;
    f->skip_tb = 0;
    f->inlined = 0;
    mt_obj_t *fast = f->state;
    size_t i = 0, n = code->n_locals, n_free = code->n_free;
    for (; i < n_args; i++) fast[i] = args[i];
    for (; i < n - n_free; i++) fast[i] = MT_NULL;
    for (size_t j = 0; j < n_free; j++) fast[i + j] = fun->closure[j];
    f->sp = fast + n;
    f->blocks = (mt_block_t *)(f->sp + code->stack_size);
}

/* the same with no arguments: locals unbound */
void mt_frame_init(mt_frame_t *f, mt_fun_t *fun, mt_obj_t locals);
/* bind call arguments into f's parameter slots (TypeError as CPython) and the closure */
void mt_frame_bind_args(mt_frame_t *f, size_t n_args, size_t n_kw, const mt_obj_t *args);

#endif
