/* Exceptions (core/exc.c): the object behind every exception instance, and helpers beyond
 * obj.h. Instances of user subclasses are mt_instance_t whose .native is an mt_exc_t. */
#ifndef MT_EXC_H
#define MT_EXC_H

#include "obj.h"

/* one traceback entry: where a frame was when the exception passed through it */
typedef struct {
    mt_qstr_t file;
    uint32_t line;
    mt_qstr_t block;
} mt_tb_entry_t;

typedef struct {
    mt_obj_base_t base; /* an exception type (const) */
    mt_obj_t args;      /* tuple */
    mt_obj_t cause;     /* __cause__: MT_NONE or an exception */
    mt_obj_t context;   /* __context__: MT_NONE or an exception */
    mt_obj_t dict;      /* extra attributes set by users: a dict or MT_NULL */
    mt_tb_entry_t *tb;  /* traceback entries, innermost first (GC block or NULL) */
    uint16_t tb_len, tb_alloc;
    bool suppress_context; /* __suppress_context__ */
} mt_exc_t;

/* the mt_exc_t behind an exception instance (built-in or user subclass); NULL if o is not
 * an exception instance */
mt_exc_t *mt_exc_get(mt_obj_t o);
/* `raise exc from cause` (cause: an exception instance or type, or MT_NONE); returns exc
 * (the instance when exc was a type) */
mt_obj_t mt_exc_set_cause(mt_obj_t exc, mt_obj_t cause);
/* the exception to raise for exc_or_type (a type is instantiated with no arguments);
 * TypeError "exceptions must derive from BaseException" otherwise */
mt_obj_t mt_exc_instantiate(mt_obj_t exc_or_type);
/* store (value) or delete (MT_NULL) one of the attributes every exception has (args,
 * __cause__, __context__, __suppress_context__, __traceback__); false for other names */
bool mt_exc_store_known(mt_obj_t exc, mt_qstr_t attr, mt_obj_t value);
/* forget the traceback of a reused exception (e.g. a preallocated one) */
void mt_exc_clear_traceback(mt_obj_t exc);
/* print just the last line: "ValueError: msg" (no newline) */
void mt_exc_print_message(const mt_print_t *p, mt_obj_t exc);
/* SyntaxError/IndentationError at file:line (col 1-based, 0 if unknown) */
mt_obj_t mt_exc_new_syntax(const mt_type_t *t, const char *msg, mt_qstr_t file, size_t line,
                           size_t col);
/* print an exception object (native exc) as an instance of type t (repr uses t's name) */
void mt_exc_print_as(const mt_print_t *p, mt_obj_t exc, const mt_type_t *t, mt_print_kind_t kind);

#endif
