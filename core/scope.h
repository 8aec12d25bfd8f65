/* Scope analysis (core/scope.c): which names of a function are local, cell, free or global,
 * computed over the parse tree of one top-level statement before it is compiled. */
#ifndef MT_SCOPE_H
#define MT_SCOPE_H

#include "ast.h"

typedef enum { MT_SCOPE_MODULE, MT_SCOPE_CLASS, MT_SCOPE_FUNCTION, MT_SCOPE_COMP } mt_scope_kind_t;

/* how the code of a scope reaches a name */
typedef enum {
    MT_VAR_UNRESOLVED,
    MT_VAR_LOCAL,  /* fast slot */
    MT_VAR_CELL,   /* fast slot holding a cell (captured by an inner function) */
    MT_VAR_FREE,   /* fast slot holding a cell of the closure */
    MT_VAR_GLOBAL, /* globals then builtins (implicit, or declared global) */
    MT_VAR_NAME,   /* the namespace dict (module, class body) */
} mt_var_kind_t;

/* id flags */
#define MT_ID_USE      0x01
#define MT_ID_DEF      0x02
#define MT_ID_PARAM    0x04
#define MT_ID_GLOBAL   0x08
#define MT_ID_NONLOCAL 0x10
#define MT_ID_PASS     0x20 /* class scope: also a free slot for closures of inner functions */

typedef struct {
    mt_qstr_t name;
    uint8_t flags;
    uint8_t kind;  /* mt_var_kind_t */
    uint16_t slot; /* fast slot (LOCAL, CELL, FREE, or the PASS slot) */
} mt_id_t;

typedef struct mt_scope_s {
    struct mt_scope_s *parent;
    const mt_ast_t *node; /* FUNCDEF, LAMBDA, CLASSDEF, *COMP, GENEXP; NULL for the module */
    uint8_t kind;         /* mt_scope_kind_t */
    uint8_t is_generator, is_async, has_class_cell;
    uint8_t n_pos, n_posonly, n_kwonly, varargs, varkw;
    uint16_t n_ids, alloc_ids;
    uint16_t n_children, alloc_children;
    uint16_t n_slots, n_free;
    mt_qstr_t name, qualname;
    mt_id_t *ids;
    struct mt_scope_s **children;
} mt_scope_t;

/* analyse one top-level statement; returns the module scope (its children are the scopes
 * of functions, classes and comprehensions in source order). Raises SyntaxError. */
mt_scope_t *mt_scope_analyse(const mt_ast_t *stmt, mt_qstr_t filename);
mt_id_t *mt_scope_find(const mt_scope_t *s, mt_qstr_t name);
/* the child scope made for node */
mt_scope_t *mt_scope_child(const mt_scope_t *s, const mt_ast_t *node);
/* raise SyntaxError msg (a printf format with one %q) at file:line */
MT_NORETURN void mt_syntax_error(mt_qstr_t file, size_t line, const char *fmt, mt_qstr_t q);

#endif
