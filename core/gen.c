/* Generators and coroutines: a heap frame resumed by send/next, with throw/close and the
 * `yield from` delegation (send/throw/close forwarded to the sub-iterator). */
#include <stdio.h>

#include "exc.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "vm.h"

typedef struct {
    mt_obj_base_t base; /* &mt_type_generator or &mt_type_coroutine */
    uint8_t started, running, finished;
    mt_obj_t exc;      /* the exception its suspended frame is handling (MT_NULL: none) */
    mt_frame_t *frame; /* right after this struct, in the same block */
} mt_gen_t;

bool mt_obj_is_gen(mt_obj_t o) {
    return MT_IS_TYPE(o, &mt_type_generator) || MT_IS_TYPE(o, &mt_type_coroutine);
}

mt_obj_t mt_gen_new(mt_fun_t *fun, size_t n_args, size_t n_kw, const mt_obj_t *args) {
    mt_code_t *code = fun->code;
    mt_gen_t *g = mt_alloc(sizeof(mt_gen_t) + MT_FRAME_SIZE(code));
    g->base.type = (code->flags & MT_CODE_COROUTINE)         ? &mt_type_coroutine
                   : (code->flags & MT_CODE_ASYNC_GENERATOR) ? &mt_type_async_generator
                                                             : &mt_type_generator;
    g->frame = (mt_frame_t *)(g + 1);
    mt_frame_init(g->frame, fun, MT_NULL);
    g->frame->is_gen = 1;
    mt_frame_bind_args(g->frame, n_args, n_kw, args);
    return MT_OBJ_FROM_PTR(g);
}

static bool is_coro(mt_gen_t *g) {
    return g->base.type == &mt_type_coroutine;
}

static const char *kind_name(mt_gen_t *g) {
    return is_coro(g)                                 ? "coroutine"
           : g->base.type == &mt_type_async_generator ? "async generator"
                                                      : "generator";
}

/* PEP 479: a StopIteration leaving the frame becomes a RuntimeError */
static mt_obj_t convert_stop_iteration(mt_gen_t *g, mt_obj_t exc) {
    if (g->base.type == &mt_type_async_generator &&
        mt_isinstance(exc, &mt_type_StopAsyncIteration)) {
        mt_obj_t e =
            mt_exc_new_msg(&mt_type_RuntimeError, "async generator raised StopAsyncIteration");
        mt_exc_set_cause(e, exc);
        return e;
    }
    if (!mt_isinstance(exc, &mt_type_StopIteration)) {
        return exc;
    }
    mt_obj_t e =
        mt_exc_new_msg(&mt_type_RuntimeError, is_coro(g) ? "coroutine raised StopIteration"
                                                         : "generator raised StopIteration");
    mt_exc_set_cause(e, exc);
    return e;
}

/* send_value MT_NULL: resume without pushing a value (start, or after a finished delegation) */
static mt_vm_ret_t resume(mt_gen_t *g, mt_obj_t send_value, mt_obj_t throw_exc, mt_obj_t *ret) {
    if (g->running) {
        mt_raise_msg(&mt_type_ValueError,
                     is_coro(g) ? "coroutine already executing" : "generator already executing");
    }
    if (g->finished) {
        if (throw_exc != MT_NULL) {
            mt_raise(throw_exc);
        }
        if (is_coro(g)) {
            mt_raise_msg(&mt_type_RuntimeError, "cannot reuse already awaited coroutine");
        }
        *ret = MT_NONE;
        return MT_VM_RETURN;
    }
    mt_frame_t *f = g->frame;
    if (!g->started) {
        if (send_value != MT_NULL && send_value != MT_NONE && throw_exc == MT_NULL) {
            mt_raise_fmt(&mt_type_TypeError, "can't send non-None value to a just-started %s",
                         kind_name(g));
        }
        g->started = 1;
    } else if (send_value != MT_NULL && throw_exc == MT_NULL) {
        *f->sp++ = send_value;
    }
    mt_stack_check();
    /* the generator's own exception state (an except block it yielded in) is swapped in */
    mt_obj_t caller_exc = mt_state.cur_exc;
    if (g->exc != MT_NULL) {
        mt_state.cur_exc = g->exc;
    }
    g->running = 1;
    mt_vm_ret_t r = mt_vm_run(f, throw_exc, ret);
    g->running = 0;
    g->exc = r == MT_VM_YIELD && mt_state.cur_exc != caller_exc ? mt_state.cur_exc : MT_NULL;
    mt_state.cur_exc = caller_exc;
    if (r != MT_VM_YIELD) {
        g->finished = 1;
        if (r == MT_VM_EXCEPTION) {
            *ret = convert_stop_iteration(g, *ret);
        }
    }
    return r;
}

mt_vm_ret_t mt_gen_resume(mt_obj_t gen, mt_obj_t send_value, mt_obj_t throw_exc, mt_obj_t *ret) {
    return resume(MT_OBJ_TO_PTR(gen), send_value, throw_exc, ret);
}

static mt_vm_ret_t gen_throw(mt_gen_t *g, mt_obj_t exc, mt_obj_t *ret);

/* close a sub-iterator of `yield from` (its close method, if any) */
static void close_subiter(mt_obj_t it);

/* call recv.throw(exc) for a non-generator sub-iterator */
static mt_vm_ret_t throw_into_iter(mt_obj_t recv, mt_obj_t meth[2], mt_obj_t exc, mt_obj_t *out) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t args[3] = {meth[0], meth[1], exc};
        *out = mt_call_method(1, 0, args);
        mt_nlr_pop();
        return MT_VM_YIELD;
    }
    mt_obj_t e = nlr.ret_val;
    if (mt_isinstance(e, &mt_type_StopIteration)) {
        *out = mt_exc_get_value(e);
        return MT_VM_RETURN;
    }
    *out = e;
    return MT_VM_EXCEPTION;
}

/* close it; returns exc, or the exception close raised */
static mt_obj_t close_subiter_catch(mt_obj_t it, mt_obj_t exc) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        close_subiter(it);
        mt_nlr_pop();
        return exc;
    }
    return nlr.ret_val;
}

static mt_vm_ret_t gen_throw(mt_gen_t *g, mt_obj_t exc, mt_obj_t *ret) {
    exc = mt_exc_instantiate(exc);
    mt_frame_t *f = g->frame;
    if (g->started && !g->finished && !g->running && *f->ip == MT_OP_YIELD_FROM) {
        mt_obj_t recv = f->sp[-1];
        if (mt_isinstance(exc, &mt_type_GeneratorExit)) {
            g->running = 1;
            exc = close_subiter_catch(recv, exc);
            g->running = 0;
        } else {
            mt_obj_t out, meth[2];
            mt_vm_ret_t r = MT_VM_EXCEPTION;
            bool delegated = true;
            g->running = 1;
            if (mt_obj_is_gen(recv)) {
                r = gen_throw(MT_OBJ_TO_PTR(recv), exc, &out);
            } else if (mt_load_method_maybe(recv, MT_QSTR_throw, meth)) {
                r = throw_into_iter(recv, meth, exc, &out);
            } else {
                delegated = false;
            }
            g->running = 0;
            if (delegated) {
                if (r == MT_VM_YIELD) {
                    *ret = out;
                    return MT_VM_YIELD;
                }
                if (r == MT_VM_RETURN) {
                    f->sp[-1] = out;
                    f->ip++;
                    return resume(g, MT_NULL, MT_NULL, ret);
                }
                exc = out;
            }
        }
    }
    return resume(g, MT_NULL, exc, ret);
}

static void close_subiter(mt_obj_t it) {
    if (mt_obj_is_gen(it)) {
        mt_call_method_n(it, MT_QSTR_close, 0, NULL);
        return;
    }
    mt_call_method_maybe(it, MT_QSTR_close, 0, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------------------------- */
static mt_obj_t finish(mt_vm_ret_t r, mt_obj_t v) {
    if (r == MT_VM_YIELD) {
        return v;
    }
    if (r == MT_VM_RETURN) {
        if (v == MT_NONE) {
            mt_raise(MT_OBJ_FROM_PTR(&mt_type_StopIteration));
        }
        mt_raise_stop_iteration(v);
    }
    mt_nlr_jump(v);
}

static mt_obj_t gen_iternext(mt_obj_t self) {
    mt_obj_t v;
    mt_vm_ret_t r = resume(MT_OBJ_TO_PTR(self), MT_NONE, MT_NULL, &v);
    if (r == MT_VM_YIELD) {
        return v;
    }
    if (r == MT_VM_RETURN) {
        return MT_NULL; /* the return value is lost here; next()/send() keep it */
    }
    mt_nlr_jump(v);
}

static mt_obj_t gen_next(mt_obj_t self) {
    mt_obj_t v;
    mt_vm_ret_t r = resume(MT_OBJ_TO_PTR(self), MT_NONE, MT_NULL, &v);
    return finish(r, v);
}
static MT_DEFINE_FUN_1(gen_next_obj, gen_next);

static mt_obj_t gen_send(mt_obj_t self, mt_obj_t value) {
    mt_obj_t v;
    mt_vm_ret_t r = resume(MT_OBJ_TO_PTR(self), value, MT_NULL, &v);
    return finish(r, v);
}
static MT_DEFINE_FUN_2(gen_send_obj, gen_send);

static mt_obj_t gen_throw_meth(size_t n, const mt_obj_t *args) {
    mt_obj_t exc = args[1];
    if (n > 2 && args[2] != MT_NONE) {
        if (mt_obj_is_exception_instance(exc)) {
            mt_raise_msg(&mt_type_TypeError, "instance exception may not have a separate value");
        }
        if (mt_obj_is_exception_type(exc) &&
            mt_isinstance(args[2], (const mt_type_t *)MT_OBJ_TO_PTR(exc))) {
            exc = args[2];
        } else {
            exc = mt_call(exc, 1, 0, &args[2]);
        }
    }
    if (!mt_obj_is_exception_instance(exc) && !mt_obj_is_exception_type(exc)) {
        mt_raise_msg(&mt_type_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not "
                     "int");
    }
    mt_obj_t v;
    mt_vm_ret_t r = gen_throw(MT_OBJ_TO_PTR(args[0]), exc, &v);
    return finish(r, v);
}
static MT_DEFINE_FUN_VAR(gen_throw_obj, 2, 4, gen_throw_meth);

static mt_obj_t gen_close(mt_obj_t self) {
    mt_gen_t *g = MT_OBJ_TO_PTR(self);
    if (!g->started || g->finished) {
        g->finished = 1;
        return MT_NONE;
    }
    mt_obj_t v;
    mt_vm_ret_t r = gen_throw(g, mt_exc_new(&mt_type_GeneratorExit, 0, NULL), &v);
    if (r == MT_VM_YIELD) {
        mt_raise_msg(&mt_type_RuntimeError, is_coro(g) ? "coroutine ignored GeneratorExit"
                                                       : "generator ignored GeneratorExit");
    }
    if (r == MT_VM_EXCEPTION && !mt_isinstance(v, &mt_type_GeneratorExit) &&
        !mt_isinstance(v, &mt_type_StopIteration)) {
        mt_nlr_jump(v);
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_1(gen_close_obj, gen_close);

static mt_obj_t coro_await(mt_obj_t self) {
    return self;
}
static MT_DEFINE_FUN_1(coro_await_obj, coro_await);

static mt_obj_t gen_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    return self;
}

static void gen_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_gen_t *g = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<%s object %q at %p>", kind_name(g), g->frame->code->qualname, g);
}

static void gen_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    mt_gen_t *g = MT_OBJ_TO_PTR(o);
    if (dest[0] != MT_NULL) {
        return;
    }
    if (attr == MT_QSTR___name__) {
        dest[0] = MT_NEW_QSTR(g->frame->code->name);
    } else if (attr == MT_QSTR___qualname__) {
        dest[0] = MT_NEW_QSTR(g->frame->code->qualname);
    } else if (attr == MT_QSTR_gi_running || attr == MT_QSTR_cr_running) {
        dest[0] = MT_BOOL(g->running);
    } else {
        const mt_map_t *locals = g->base.type->locals;
        mt_map_elem_t *e = mt_map_lookup_qstr(locals, attr);
        if (e != NULL) {
            dest[0] = e->value;
            dest[1] = o;
        }
    }
}

static void gen_attr_locals(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return;
    }
    mt_map_elem_t *e = mt_map_lookup_qstr(mt_type_of(o)->locals, attr);
    if (e != NULL) {
        dest[0] = e->value;
        dest[1] = o;
    }
}

static const mt_map_elem_t gen_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___next__), MT_ROM_PTR(&gen_next_obj)},
    {MT_ROM_QSTR(MT_QSTR_send), MT_ROM_PTR(&gen_send_obj)},
    {MT_ROM_QSTR(MT_QSTR_throw), MT_ROM_PTR(&gen_throw_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&gen_close_obj)},
};
static MT_DEFINE_CONST_MAP(gen_locals, gen_locals_table);

const mt_type_t mt_type_generator = {
    .base = {&mt_type_type},
    .name = MT_QSTR_generator,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY | MT_TYPE_FLAG_ITER_IS_SELF,
    .print = gen_print,
    .attr = gen_attr,
    .getiter = gen_getiter,
    .iternext = gen_iternext,
    .locals = &gen_locals,
};

static const mt_map_elem_t coro_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_send), MT_ROM_PTR(&gen_send_obj)},
    {MT_ROM_QSTR(MT_QSTR_throw), MT_ROM_PTR(&gen_throw_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&gen_close_obj)},
    {MT_ROM_QSTR(MT_QSTR___await__), MT_ROM_PTR(&coro_await_obj)},
};
static MT_DEFINE_CONST_MAP(coro_locals, coro_locals_table);

const mt_type_t mt_type_coroutine = {
    .base = {&mt_type_type},
    .name = MT_QSTR_coroutine,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = gen_print,
    .attr = gen_attr,
    .locals = &coro_locals,
};

/* ---------------------------------------------------------------------------------------------
 * Async generators. The generator's own `yield v` hands out v wrapped (ASYNC_GEN_WRAP); what
 * its awaits yield passes through unwrapped to the event loop. __anext__/asend/athrow/aclose
 * return an awaitable that resumes the generator until it yields a wrapped value (the await
 * completes with it), returns (StopAsyncIteration) or raises.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base; /* &wrapped_type */
    mt_obj_t value;
} wrapped_t;

static const mt_type_t wrapped_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_async_generator,
};

mt_obj_t mt_async_gen_wrap(mt_obj_t v) {
    wrapped_t *w = mt_new_obj(wrapped_t);
    w->base.type = &wrapped_type;
    w->value = v;
    return MT_OBJ_FROM_PTR(w);
}

enum { AW_ASEND, AW_ATHROW, AW_ACLOSE };
enum { AW_INIT, AW_RUNNING, AW_DONE };

typedef struct {
    mt_obj_base_t base; /* &agen_await_type */
    uint8_t kind, state;
    mt_obj_t gen;
    mt_obj_t value; /* AW_ASEND: the value to send first; else the exception to throw */
} agen_await_t;

static const mt_type_t agen_await_type;

bool mt_obj_is_async_gen_awaitable(mt_obj_t o) {
    return MT_IS_TYPE(o, &agen_await_type);
}

static mt_obj_t agen_await_new(mt_obj_t gen, int kind, mt_obj_t value) {
    agen_await_t *a = mt_new_obj(agen_await_t);
    a->base.type = &agen_await_type;
    a->kind = kind;
    a->gen = gen;
    a->value = value;
    return MT_OBJ_FROM_PTR(a);
}

static mt_vm_ret_t agen_result(agen_await_t *a, mt_vm_ret_t r, mt_obj_t *out) {
    if (r == MT_VM_YIELD) {
        if (!MT_IS_TYPE(*out, &wrapped_type)) {
            return MT_VM_YIELD; /* an await inside the generator: to the event loop */
        }
        a->state = AW_DONE;
        if (a->kind == AW_ACLOSE) {
            mt_raise_msg(&mt_type_RuntimeError, "async generator ignored GeneratorExit");
        }
        *out = ((wrapped_t *)MT_OBJ_TO_PTR(*out))->value;
        return MT_VM_RETURN;
    }
    a->state = AW_DONE;
    if (r == MT_VM_RETURN) {
        if (a->kind == AW_ACLOSE) {
            *out = MT_NONE;
            return MT_VM_RETURN;
        }
        *out = mt_exc_new(&mt_type_StopAsyncIteration, 0, NULL);
        return MT_VM_EXCEPTION;
    }
    if (a->kind == AW_ACLOSE && (mt_isinstance(*out, &mt_type_GeneratorExit) ||
                                 mt_isinstance(*out, &mt_type_StopAsyncIteration))) {
        *out = MT_NONE;
        return MT_VM_RETURN;
    }
    return MT_VM_EXCEPTION;
}

mt_vm_ret_t mt_async_gen_step(mt_obj_t aw, mt_obj_t send_value, mt_obj_t throw_exc, mt_obj_t *ret) {
    agen_await_t *a = MT_OBJ_TO_PTR(aw);
    mt_gen_t *g = MT_OBJ_TO_PTR(a->gen);
    if (a->state == AW_DONE) {
        mt_raise_msg(&mt_type_RuntimeError, a->kind == AW_ASEND
                                                ? "cannot reuse already awaited __anext__()/asend()"
                                                : "cannot reuse already awaited aclose()/athrow()");
    }
    mt_vm_ret_t r;
    if (a->state == AW_INIT && throw_exc == MT_NULL) {
        a->state = AW_RUNNING;
        if (a->kind == AW_ASEND) {
            r = resume(g, g->started ? a->value : MT_NULL, MT_NULL, ret);
        } else if (a->kind == AW_ACLOSE && (!g->started || g->finished)) {
            g->finished = 1;
            a->state = AW_DONE;
            *ret = MT_NONE;
            return MT_VM_RETURN;
        } else {
            r = gen_throw(g, a->value, ret);
        }
    } else {
        a->state = AW_RUNNING;
        r = throw_exc != MT_NULL
                ? gen_throw(g, throw_exc, ret)
                : resume(g, send_value == MT_NULL ? MT_NONE : send_value, MT_NULL, ret);
    }
    return agen_result(a, r, ret);
}

static mt_obj_t agen_await_send(mt_obj_t self, mt_obj_t v) {
    mt_obj_t out;
    mt_vm_ret_t r = mt_async_gen_step(self, v, MT_NULL, &out);
    return finish(r, out);
}
static MT_DEFINE_FUN_2(agen_await_send_obj, agen_await_send);

static mt_obj_t agen_await_next(mt_obj_t self) {
    return agen_await_send(self, MT_NONE);
}
static MT_DEFINE_FUN_1(agen_await_next_obj, agen_await_next);

static mt_obj_t agen_await_throw(size_t n, const mt_obj_t *args) {
    mt_obj_t exc = n > 2 && args[2] != MT_NONE ? mt_call(args[1], 1, 0, &args[2]) : args[1];
    mt_obj_t out;
    mt_vm_ret_t r = mt_async_gen_step(args[0], MT_NULL, mt_exc_instantiate(exc), &out);
    return finish(r, out);
}
static MT_DEFINE_FUN_VAR(agen_await_throw_obj, 2, 4, agen_await_throw);

static mt_obj_t agen_await_close(mt_obj_t self) {
    ((agen_await_t *)MT_OBJ_TO_PTR(self))->state = AW_DONE;
    return MT_NONE;
}
static MT_DEFINE_FUN_1(agen_await_close_obj, agen_await_close);

static mt_obj_t agen_await_iternext(mt_obj_t self) {
    mt_obj_t out;
    mt_vm_ret_t r = mt_async_gen_step(self, MT_NONE, MT_NULL, &out);
    if (r == MT_VM_YIELD) {
        return out;
    }
    return finish(r, out); /* raises StopIteration(value) or the exception */
}

static const mt_map_elem_t agen_await_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___next__), MT_ROM_PTR(&agen_await_next_obj)},
    {MT_ROM_QSTR(MT_QSTR_send), MT_ROM_PTR(&agen_await_send_obj)},
    {MT_ROM_QSTR(MT_QSTR_throw), MT_ROM_PTR(&agen_await_throw_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&agen_await_close_obj)},
    {MT_ROM_QSTR(MT_QSTR___await__), MT_ROM_PTR(&coro_await_obj)},
};
static MT_DEFINE_CONST_MAP(agen_await_locals, agen_await_locals_table);

static const mt_type_t agen_await_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_async_generator_asend,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY | MT_TYPE_FLAG_ITER_IS_SELF,
    .getiter = gen_getiter,
    .iternext = agen_await_iternext,
    .attr = gen_attr_locals,
    .locals = &agen_await_locals,
};

static mt_obj_t agen_anext(mt_obj_t self) {
    return agen_await_new(self, AW_ASEND, MT_NONE);
}
static MT_DEFINE_FUN_1(agen_anext_obj, agen_anext);

static mt_obj_t agen_asend(mt_obj_t self, mt_obj_t v) {
    return agen_await_new(self, AW_ASEND, v);
}
static MT_DEFINE_FUN_2(agen_asend_obj, agen_asend);

static mt_obj_t agen_athrow(size_t n, const mt_obj_t *args) {
    mt_obj_t exc = n > 2 && args[2] != MT_NONE ? mt_call(args[1], 1, 0, &args[2]) : args[1];
    return agen_await_new(args[0], AW_ATHROW, mt_exc_instantiate(exc));
}
static MT_DEFINE_FUN_VAR(agen_athrow_obj, 2, 4, agen_athrow);

static mt_obj_t agen_aclose(mt_obj_t self) {
    return agen_await_new(self, AW_ACLOSE, mt_exc_new(&mt_type_GeneratorExit, 0, NULL));
}
static MT_DEFINE_FUN_1(agen_aclose_obj, agen_aclose);

static mt_obj_t agen_aiter(mt_obj_t self) {
    return self;
}
static MT_DEFINE_FUN_1(agen_aiter_obj, agen_aiter);

static const mt_map_elem_t agen_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___aiter__), MT_ROM_PTR(&agen_aiter_obj)},
    {MT_ROM_QSTR(MT_QSTR___anext__), MT_ROM_PTR(&agen_anext_obj)},
    {MT_ROM_QSTR(MT_QSTR_asend), MT_ROM_PTR(&agen_asend_obj)},
    {MT_ROM_QSTR(MT_QSTR_athrow), MT_ROM_PTR(&agen_athrow_obj)},
    {MT_ROM_QSTR(MT_QSTR_aclose), MT_ROM_PTR(&agen_aclose_obj)},
};
static MT_DEFINE_CONST_MAP(agen_locals, agen_locals_table);

const mt_type_t mt_type_async_generator = {
    .base = {&mt_type_type},
    .name = MT_QSTR_async_generator,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = gen_print,
    .attr = gen_attr,
    .locals = &agen_locals,
};
