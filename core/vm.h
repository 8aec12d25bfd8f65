/* The interpreter loop (core/vm.c) and generators (core/gen.c). */
#ifndef MT_VM_H
#define MT_VM_H

#include "fun.h"

typedef enum { MT_VM_RETURN, MT_VM_YIELD, MT_VM_EXCEPTION } mt_vm_ret_t;

/* Run frame f from f->ip. throw_exc (if not MT_NULL) is raised at the current instruction
 * first (generator.throw). On return *ret is the return value, the yielded value, or (only
 * for frames with is_gen set) the exception; for other frames exceptions propagate. */
mt_vm_ret_t mt_vm_run(mt_frame_t *f, mt_obj_t throw_exc, mt_obj_t *ret);

/* the running frame's globals dict and locals (a dict: the namespace, or a new dict of the
 * fast locals); mt_state.main_globals when no frame runs */
mt_obj_t mt_vm_globals(void);
mt_obj_t mt_vm_locals(void);
/* the innermost running frame (NULL at top level) */
mt_frame_t *mt_vm_cur_frame(void);
/* forget the running frames (after a jump out of every frame that skipped their exits: a
 * board's hard reset, a fuzzer's deadline); for a new interpreter */
void mt_vm_reset(void);

/* ---- generators and coroutines (core/gen.c) */
extern const mt_type_t mt_type_coroutine;
/* a generator/coroutine for a call of fun (its code has GENERATOR or COROUTINE set) */
mt_obj_t mt_gen_new(mt_fun_t *fun, size_t n_args, size_t n_kw, const mt_obj_t *args);
/* resume gen: send_value MT_NULL = plain resume (start or after a handled delegation);
 * returns MT_VM_YIELD (value yielded), MT_VM_RETURN (return value) or MT_VM_EXCEPTION */
mt_vm_ret_t mt_gen_resume(mt_obj_t gen, mt_obj_t send_value, mt_obj_t throw_exc, mt_obj_t *ret);
bool mt_obj_is_gen(mt_obj_t o); /* a generator or coroutine object of ours */

/* async generators: the object an async generator's own `yield v` hands out (ASYNC_GEN_WRAP),
 * and one step of the awaitables returned by __anext__/asend/athrow/aclose */
extern const mt_type_t mt_type_async_generator;
mt_obj_t mt_async_gen_wrap(mt_obj_t v);
bool mt_obj_is_async_gen_awaitable(mt_obj_t o);
mt_vm_ret_t mt_async_gen_step(mt_obj_t aw, mt_obj_t send_value, mt_obj_t throw_exc, mt_obj_t *ret);

#endif
