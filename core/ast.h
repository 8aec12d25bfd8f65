/* The parse tree: the contract between the parser (core/parse.c) and the compiler
 * (core/compile.c). Nodes live in the GC heap; the parser hands the compiler one top-level
 * statement at a time and the tree of a statement is garbage once it is compiled, so a
 * long module never holds its whole tree (the chip has 38 KB of heap).
 *
 * A node is generic: a kind, a small op/flag byte, an object value and up to 65535 children.
 * The list below gives, for each kind, what `op`, `value`, `aux` and `kids[]` mean. A child
 * written `x?` may be NULL. "qstr" values are MT_NEW_QSTR objects.
 */
#ifndef MT_AST_H
#define MT_AST_H

#include "obj.h"

#define MT_AST_KINDS(X)                                                                            \
    /* ---- module / blocks ---- */                                                                \
    X(BLOCK) /* kids: statements */                                                                \
    /* ---- expressions ---- */                                                                    \
    X(NAME)       /* value: qstr */                                                                \
    X(CONST)      /* value: int/float/complex/str/bytes object, MT_NONE/TRUE/FALSE, or the         \
                     Ellipsis object (mt_const_ellipsis) */                                        \
    X(BINOP)      /* op: mt_binop_t (arith only); kids[lhs, rhs] */                                \
    X(UNARYOP)    /* op: MT_UNOP_POS / NEG / INVERT / NOT; kids[operand] */                        \
    X(BOOLOP)     /* op: 0 = and, 1 = or; kids: 2+ operands */                                     \
    X(COMPARE)    /* kids[e0, CMP, CMP, ...]: e0 op1 e1 op2 e2 ... */                              \
    X(CMP)        /* op: MT_BINOP_LT..GE, IN, NOT_IN, IS, IS_NOT; kids[right operand] */           \
    X(CALL)       /* kids[func, args...]: args are exprs, STARRED, KEYWORD or DOUBLESTAR */        \
    X(KEYWORD)    /* value: qstr name; kids[value] */                                              \
    X(DOUBLESTAR) /* kids[mapping]: **m in a call or in a dict display (then key is absent) */     \
    X(STARRED)    /* kids[expr]: *e in calls, displays and assignment targets */                   \
    X(ATTR)       /* value: qstr; kids[obj] */                                                     \
    X(SUBSCR)     /* kids[obj, index]; a[1,2] has a TUPLE index */                                 \
    X(SLICE)      /* kids[lower?, upper?, step?] */                                                \
    X(TUPLE)      /* kids: items (may be STARRED) */                                               \
    X(LIST)       /* kids: items (may be STARRED) */                                               \
    X(SET)        /* kids: items (may be STARRED) */                                               \
    X(DICT)       /* kids: key0, value0, key1, value1 ...; a **m entry is DOUBLESTAR, NULL */      \
    X(LISTCOMP)   /* kids[elt, COMP_FOR, (COMP_FOR | COMP_IF)...] in source order */               \
    X(SETCOMP)    /* as LISTCOMP */                                                                \
    X(GENEXP)     /* as LISTCOMP */                                                                \
    X(DICTCOMP)   /* kids[key, value, COMP_FOR, (COMP_FOR | COMP_IF)...] */                        \
    X(COMP_FOR)   /* op: 1 if `async for`; kids[target, iter] */                                   \
    X(COMP_IF)    /* kids[condition] */                                                            \
    X(IFEXP)      /* kids[test, body, orelse]: body if test else orelse */                         \
    X(LAMBDA)     /* kids[ARGS, body expr] */                                                      \
    X(NAMEDEXPR)  /* kids[NAME target, value]: target := value */                                  \
    X(YIELD)      /* kids[value?] */                                                               \
    X(YIELD_FROM) /* kids[value] */                                                                \
    X(AWAIT)      /* kids[value] */                                                                \
    X(FSTRING)    /* kids: CONST str parts and FORMATTED values, concatenated in order */          \
    X(FORMATTED)  /* op: conversion 0, 'r', 's' or 'a'; kids[expr, spec?]: spec is FSTRING */      \
    /* ---- function signatures ---- */                                                            \
    X(ARGS) /* kids: ARG nodes in order: positional(-only), *args, keyword-only, **kw */           \
    X(ARG)  /* value: qstr name; op: MT_ARG_KIND_*; kids[default?, annotation?] */                 \
    /* ---- statements ---- */                                                                     \
    X(EXPR_STMT) /* kids[expr] */                                                                  \
    X(ASSIGN)    /* kids[target1, ..., targetN, value]: t1 = ... = tN = value (N >= 1) */          \
    X(AUGASSIGN) /* op: mt_binop_t (arith, not inplace); kids[target, value] */                    \
    X(ANNASSIGN) /* op: 1 if target is a simple name; kids[target, annotation, value?] */          \
    X(DEL)       /* kids: targets */                                                               \
    X(PASS)                                                                                        \
    X(BREAK)                                                                                       \
    X(CONTINUE)                                                                                    \
    X(RETURN)      /* kids[value?] */                                                              \
    X(RAISE)       /* kids[exc?, cause?] */                                                        \
    X(GLOBAL)      /* kids: NAME nodes */                                                          \
    X(NONLOCAL)    /* kids: NAME nodes */                                                          \
    X(ASSERT)      /* kids[test, msg?] */                                                          \
    X(IMPORT)      /* kids: ALIAS nodes */                                                         \
    X(IMPORT_FROM) /* value: qstr dotted module name or MT_NULL (`from . import x`);               \
                      op: level (leading dots); kids: ALIAS nodes, or none for `import *` */       \
    X(ALIAS)       /* value: qstr name (dotted for IMPORT); aux: qstr of `as` name or 0 */         \
    X(IF)          /* kids[test, BLOCK body, orelse?]: orelse is a BLOCK (elif: a BLOCK holding    \
                      one IF) */                                                                   \
    X(WHILE)       /* kids[test, BLOCK body, BLOCK orelse?] */                                     \
    X(FOR)         /* op: 1 if `async for`; kids[target, iter, BLOCK body, BLOCK orelse?] */       \
    X(TRY)         /* kids[BLOCK body, BLOCK handlers?, BLOCK orelse?, BLOCK finalbody?]           \
                      handlers holds HANDLER nodes */                                              \
    X(HANDLER)     /* value: qstr `as` name or MT_NULL; kids[type?, BLOCK body] */                 \
    X(WITH)        /* op: 1 if `async with`; kids[WITHITEM..., BLOCK body] */                      \
    X(WITHITEM)    /* kids[context expr, target?] */                                               \
    X(FUNCDEF)     /* value: qstr name; op: 1 if async; kids[BLOCK decorators?, ARGS,              \
                      BLOCK body, returns annotation?] */                                          \
    X(CLASSDEF)    /* value: qstr name; kids[BLOCK decorators?, CALL-style arg list as a BLOCK     \
                      of exprs/KEYWORD/STARRED/DOUBLESTAR (bases, metaclass=...)?, BLOCK body] */

typedef enum {
#define X(k) MT_AST_##k,
    MT_AST_KINDS(X)
#undef X
        MT_AST_N_KINDS
} mt_ast_kind_t;

enum {
    MT_ARG_KIND_POS,
    MT_ARG_KIND_POSONLY,
    MT_ARG_KIND_VARARG,
    MT_ARG_KIND_KWONLY,
    MT_ARG_KIND_VARKW
};

typedef struct mt_ast_s {
    uint8_t kind; /* mt_ast_kind_t */
    uint8_t op;   /* meaning per kind, above */
    uint16_t n_kids;
    uint32_t line;  /* source line of the node's first token */
    mt_obj_t value; /* meaning per kind */
    mt_qstr_t aux;  /* meaning per kind */
    struct mt_ast_s *kids[];
} mt_ast_t;

/* ---- reader: where the lexer gets source bytes (a few at a time, never the whole file) */
typedef struct mt_reader_s {
    void *data;
    int (*readbyte)(void *data); /* next byte or -1 at the end */
    void (*close)(void *data);
} mt_reader_t;
void mt_reader_new_mem(mt_reader_t *r, const char *s, size_t len); /* s must outlive r */
bool mt_reader_new_file(mt_reader_t *r, const char *path);         /* false if it can't open */

typedef enum { MT_PARSE_FILE, MT_PARSE_SINGLE, MT_PARSE_EVAL } mt_parse_mode_t;

/* ---- parser (core/parse.c) */
typedef struct mt_parser_s mt_parser_t;
/* start parsing; raises SyntaxError/IndentationError (with filename and line) on bad input */
mt_parser_t *mt_parser_new(mt_reader_t *r, mt_qstr_t filename, mt_parse_mode_t mode);
/* FILE/SINGLE: the next top-level statement, NULL at the end of input.
 * EVAL: the expression (as an EXPR_STMT) then NULL. */
mt_ast_t *mt_parse_next(mt_parser_t *p);
void mt_parser_free(mt_parser_t *p); /* closes the reader and frees p */
/* true when the SINGLE-mode input so far is an incomplete statement (the REPL then asks for
 * a continuation line): e.g. "if x:", an open bracket, a triple-quoted string */
bool mt_parse_is_incomplete(const char *src, size_t len);

/* ---- compiler (core/compile.c) */
/* compile a whole source into a module-level function object bound to globals;
 * raises SyntaxError */
mt_obj_t mt_compile(mt_reader_t *r, mt_qstr_t filename, mt_parse_mode_t mode, mt_obj_t globals);
/* run a compiled function object with the given locals dict (or MT_NULL = globals) */
mt_obj_t mt_exec_compiled(mt_obj_t fun, mt_obj_t locals);
/* compile and run a string; returns the value for EVAL, MT_NONE otherwise */
mt_obj_t mt_exec_str(const char *src, size_t len, mt_qstr_t filename, mt_parse_mode_t mode,
                     mt_obj_t globals, mt_obj_t locals);

#endif
