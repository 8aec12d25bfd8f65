/* Bytecode: the instruction set and the code object (the compiler's output, the VM's input).
 *
 * Instruction encoding
 *   one opcode byte, then its operands as given by the operand kind:
 *     NONE   no operand
 *     UINT   one unsigned LEB128 varint (7 bits a byte, low first, high bit = more)
 *     SINT   one signed varint: zigzag (v << 1 ^ v >> 63) then as UINT
 *     NAME   UINT index into the code object's names table (mt_qstr_t[]); never a raw qstr,
 *            so a loader of serialised code can remap names
 *     CONST  UINT index into the constants table
 *     LOCAL  UINT index into the frame's local slots (see "Local slots")
 *     JUMP   2 bytes, little-endian signed offset relative to the end of the instruction
 *     UINT2  two UINT varints
 *     NAMEU  NAME then UINT
 *     CONSTU CONST then UINT
 *
 * Local slots of a frame (code->n_locals in all):
 *   [0 .. n_pos)                 positional parameters (pos-only first)
 *   [.. + n_kwonly)              keyword-only parameters
 *   [..+1) if VARARGS            *args (a tuple)
 *   [..+1) if VARKW              **kwargs (a dict)
 *   [.. n_locals - n_free)       other locals; a slot that is a cell variable is turned into
 *                                a cell object by MAKE_CELL at the start of the code
 *   [n_locals - n_free .. )      free variables: the cells of the function's closure
 *   varnames[i] names slot i.
 *
 * Exception handling: SETUP_* push a block (handler address, value-stack level) on the frame's
 * block stack, POP_BLOCK pops it. When an exception reaches the frame, the innermost block is
 * popped, the value stack is cut to its level, the exception is pushed and execution goes on
 * at the handler. A finally body is compiled twice: inline on the normal path (and on every
 * return/break/continue leaving it), and as a handler that ends by re-raising.
 *
 * Line table (code->lines, code->lines_len bytes): a sequence of entries
 *   UINT bytecode-offset delta, SINT line delta
 * starting from offset 0 and line code->first_line; the line of an instruction is the line of
 * the last entry whose offset is <= the instruction's offset.
 */
#ifndef MT_BYTECODE_H
#define MT_BYTECODE_H

#include "ast.h"

enum {
    MT_OPK_NONE,
    MT_OPK_UINT,
    MT_OPK_SINT,
    MT_OPK_NAME,
    MT_OPK_CONST,
    MT_OPK_LOCAL,
    MT_OPK_JUMP,
    MT_OPK_UINT2,
    MT_OPK_NAMEU,
    MT_OPK_CONSTU,
};

/* X(name, operand kind)  -- stack effect: before -> after (top of stack rightmost) */
#define MT_OPCODES(X)                                                                              \
    X(NOP, NONE)                   /* -> */                                                        \
    X(POP_TOP, NONE)               /* a -> */                                                      \
    X(DUP_TOP, NONE)               /* a -> a a */                                                  \
    X(DUP_TOP_TWO, NONE)           /* a b -> a b a b */                                            \
    X(ROT_TWO, NONE)               /* a b -> b a */                                                \
    X(ROT_THREE, NONE)             /* a b c -> c a b */                                            \
    X(LOAD_CONST, CONST)           /* -> consts[i] */                                              \
    X(LOAD_SMALL_INT, SINT)        /* -> int */                                                    \
    X(LOAD_NONE, NONE)             /* -> None */                                                   \
    X(LOAD_TRUE, NONE)             /* -> True */                                                   \
    X(LOAD_FALSE, NONE)            /* -> False */                                                  \
    X(LOAD_FAST, LOCAL)            /* -> v (UnboundLocalError if unset) */                         \
    X(STORE_FAST, LOCAL)           /* v -> */                                                      \
    X(DELETE_FAST, LOCAL)          /* -> */                                                        \
    X(LOAD_DEREF, LOCAL)           /* -> cell contents */                                          \
    X(STORE_DEREF, LOCAL)          /* v -> (into the cell) */                                      \
    X(DELETE_DEREF, LOCAL)         /* -> */                                                        \
    X(LOAD_CLOSURE, LOCAL)         /* -> the cell object itself */                                 \
    X(LOAD_CLASSDEREF, LOCAL)      /* -> locals dict[varnames[i]] or else the cell contents */     \
    X(MAKE_CELL, LOCAL)            /* -> (slot i becomes a cell holding its old value) */          \
    X(LOAD_NAME, NAME)             /* -> v (locals dict, globals, builtins) */                     \
    X(STORE_NAME, NAME)            /* v -> (locals dict) */                                        \
    X(DELETE_NAME, NAME)           /* -> */                                                        \
    X(LOAD_GLOBAL, NAME)           /* -> v (globals, builtins) */                                  \
    X(STORE_GLOBAL, NAME)          /* v -> */                                                      \
    X(DELETE_GLOBAL, NAME)         /* -> */                                                        \
    X(LOAD_ATTR, NAME)             /* o -> o.name */                                               \
    X(STORE_ATTR, NAME)            /* v o -> */                                                    \
    X(DELETE_ATTR, NAME)           /* o -> */                                                      \
    X(LOAD_METHOD, NAME)           /* o -> fun self|NULL */                                        \
    X(BINARY_SUBSCR, NONE)         /* o i -> o[i] */                                               \
    X(STORE_SUBSCR, NONE)          /* v o i -> */                                                  \
    X(DELETE_SUBSCR, NONE)         /* o i -> */                                                    \
    X(BINARY_OP, UINT)             /* a b -> a op b (op: mt_binop_t) */                            \
    X(UNARY_OP, UINT)              /* a -> op a (op: mt_unop_t) */                                 \
    X(UNARY_NOT, NONE)             /* a -> not a */                                                \
    X(JUMP, JUMP)                  /* -> */                                                        \
    X(POP_JUMP_IF_FALSE, JUMP)     /* v -> */                                                      \
    X(POP_JUMP_IF_TRUE, JUMP)      /* v -> */                                                      \
    X(JUMP_IF_FALSE_OR_POP, JUMP)  /* v -> v (jumps) | -> (falls through) */                       \
    X(JUMP_IF_TRUE_OR_POP, JUMP)   /* v -> v (jumps) | -> (falls through) */                       \
    X(GET_ITER, NONE)              /* o -> iter(o) */                                              \
    X(GET_ITER_STACK, NONE)        /* o -> b0 b1 b2 b3 it (it may live in b0..b3) */               \
    X(FOR_ITER, JUMP)              /* b0..b3 it -> b0..b3 it v | (at the end) -> , jumps */        \
    X(POP_ITER, UINT)              /* b0..b3 it [v] -> [v] (operand 1: keep v) */                  \
    X(BUILD_TUPLE, UINT)           /* v1..vn -> (v1..vn) */                                        \
    X(BUILD_LIST, UINT)            /* v1..vn -> [v1..vn] */                                        \
    X(BUILD_SET, UINT)             /* v1..vn -> {v1..vn} */                                        \
    X(BUILD_MAP, UINT)             /* k1 v1 .. kn vn -> {k1: v1 ..} */                             \
    X(BUILD_SLICE, UINT)           /* a b [c] -> slice (operand 2 or 3) */                         \
    X(BUILD_STRING, UINT)          /* s1..sn -> s1+..+sn */                                        \
    X(LIST_APPEND, UINT)           /* L x1..x(n-1) v -> L x1..x(n-1) (L[-n] after pop) */          \
    X(SET_ADD, UINT)               /* as LIST_APPEND */                                            \
    X(MAP_ADD, UINT)               /* M .. k v -> M .. (M at [-n] after popping k v) */            \
    X(LIST_EXTEND, UINT)           /* L .. it -> L .. (L at [-n] after pop) */                     \
    X(SET_UPDATE, UINT)            /* S .. it -> S .. */                                           \
    X(DICT_UPDATE, UINT)           /* D .. m -> D .. (display {**m}) */                            \
    X(DICT_MERGE, UINT)            /* f L D m -> f L D (call f(**m): duplicate keys raise) */      \
    X(LIST_TO_TUPLE, NONE)         /* L -> tuple(L) */                                             \
    X(UNPACK_SEQUENCE, UINT)       /* seq -> vn..v1 (v1 on top) */                                 \
    X(UNPACK_EX, UINT2)            /* seq -> after.. list before.. (first item on top) */          \
    X(CALL_FUNCTION, UINT2)        /* f a1..an (k v)*nkw -> f(...) */                              \
    X(CALL_METHOD, UINT2)          /* f self|NULL a1..an (k v)*nkw -> f(self, ...) */              \
    X(CALL_FUNCTION_EX, UINT)      /* f args [kwdict] -> f(*args, **kw) (operand 1: kwdict) */     \
    X(MAKE_FUNCTION, CONSTU)       /* [defaults] [kwdefaults] cell*n_free -> function */           \
    X(LOAD_BUILD_CLASS, NONE)      /* -> __build_class__ */                                        \
    X(RETURN_VALUE, NONE)          /* v -> (returns) */                                            \
    X(YIELD_VALUE, NONE)           /* v -> sent */                                                 \
    X(YIELD_FROM, NONE)            /* it v -> it (suspends, repeats) | -> result */                \
    X(ASYNC_GEN_WRAP, NONE)        /* v -> v marked as an async generator's own yield */           \
    X(GET_AWAITABLE, NONE)         /* o -> iterator of o.__await__() */                            \
    X(GET_AITER, NONE)             /* o -> o.__aiter__() */                                        \
    X(GET_ANEXT, NONE)             /* ai -> ai awaitable(ai.__anext__()) */                        \
    X(END_ASYNC_FOR, NONE)         /* ai exc -> (StopAsyncIteration) | raises exc */               \
    X(SETUP_HANDLER, JUMP)         /* -> (block: handler, level = here) */                         \
    X(POP_BLOCK, NONE)             /* -> (pops a block) */                                         \
    X(PUSH_EXC_INFO, NONE)         /* exc -> prev exc (cur_exc = exc) */                           \
    X(POP_EXCEPT, NONE)            /* prev exc -> (cur_exc = prev) */                              \
    X(RERAISE_EXC, NONE)           /* prev exc -> (cur_exc = prev, re-raises exc) */               \
    X(EXC_CLEANUP, NONE)           /* prev exc new -> (cur_exc = prev, re-raises new) */           \
    X(JUMP_IF_NOT_EXC_MATCH, JUMP) /* exc type -> exc (jumps if exc is not a type) */              \
    X(RAISE_VARARGS, UINT)         /* [exc [cause]] -> (raises; 0: re-raise cur_exc) */            \
    X(RAISE_ASSERT, UINT)          /* [msg] -> (raises AssertionError; operand 1: msg) */          \
    X(BEFORE_WITH, NONE)           /* mgr -> exit self|NULL mgr.__enter__() */                     \
    X(BEFORE_ASYNC_WITH, NONE)     /* mgr -> aexit self|NULL mgr.__aenter__() */                   \
    X(SETUP_WITH, JUMP)            /* exit self r -> exit self r (block, level below r) */         \
    X(WITH_EXCEPT, NONE)           /* exit self prev exc -> exit self prev exc exit(...) */        \
    X(IMPORT_NAME, NAMEU)          /* fromlist -> module (operand 2: level) */                     \
    X(IMPORT_FROM, NAME)           /* mod -> mod mod.name */                                       \
    X(IMPORT_STAR, NONE)           /* mod -> (names into the locals dict) */                       \
    X(FORMAT_VALUE, UINT)          /* v [spec] -> str (bits 0-1: conversion, bit 2: spec) */       \
    X(PRINT_EXPR, NONE)            /* v -> (REPL: print repr unless None, set `_`) */

typedef enum {
#define X(name, kind) MT_OP_##name,
    MT_OPCODES(X)
#undef X
        MT_OP_COUNT
} mt_opcode_t;

/* FORMAT_VALUE operand */
#define MT_FORMAT_CONV_MASK 3 /* 0 none, 1 str, 2 repr, 3 ascii */
#define MT_FORMAT_HAS_SPEC  4

/* MAKE_FUNCTION operand flags */
#define MT_MAKEFUN_DEFAULTS   1
#define MT_MAKEFUN_KWDEFAULTS 2

/* code object flags */
#define MT_CODE_VARARGS         0x01
#define MT_CODE_VARKW           0x02
#define MT_CODE_GENERATOR       0x04
#define MT_CODE_COROUTINE       0x08
#define MT_CODE_ASYNC_GENERATOR 0x10
#define MT_CODE_HAS_CELLS       0x20 /* the code begins with MAKE_CELL instructions */
#define MT_CODE_CLASS_BODY      0x40
#define MT_CODE_MODULE          0x80

/* The code object (type mt_type_code). Self-contained: one GC block holding this header and,
 * right after it, the constants (mt_obj_t[n_consts], nested code objects included), the names
 * (mt_qstr_t[n_names]) and local slot names (mt_qstr_t[n_locals]) padded to tables_words
 * words, then the bytecode (code_len bytes) and the line table (lines_len bytes). No pointers
 * into parse trees, so it can be written to a file and loaded back (names by string). */
typedef struct mt_code_s {
    mt_obj_base_t base;
    uint16_t flags;      /* MT_CODE_* */
    uint8_t n_pos;       /* positional parameters, pos-only included */
    uint8_t n_posonly;   /* the first n_posonly of them */
    uint8_t n_kwonly;    /* keyword-only parameters */
    uint8_t block_depth; /* deepest block stack */
    uint16_t n_locals;   /* local slots in all (see above) */
    uint16_t n_free;     /* the last n_free slots hold closure cells */
    uint16_t stack_size; /* deepest value stack */
    uint16_t n_consts;
    uint16_t n_names;
    uint16_t tables_words; /* words of consts + names + varnames (padded) */
    uint32_t code_len;
    uint32_t lines_len;
    uint32_t first_line;
    mt_qstr_t name;     /* function name, "<module>", "<lambda>" ... */
    mt_qstr_t qualname; /* "A.f", "f.<locals>.g" (== name at top level) */
    mt_qstr_t filename;
    mt_qstr_t *varnames; /* == MT_CODE_VARNAMES(code), kept for direct use */
    /* run-time cache (RAM, allocated on first use): for each name, 1 + the index of its entry
     * in the globals map when LOAD_GLOBAL/LOAD_NAME last found it there (0: unknown) */
    uint16_t *gcache;
} mt_code_t;

#define MT_CODE_CONSTS(c)   ((mt_obj_t *)((c) + 1))
#define MT_CODE_NAMES(c)    ((mt_qstr_t *)(MT_CODE_CONSTS(c) + (c)->n_consts))
#define MT_CODE_VARNAMES(c) (MT_CODE_NAMES(c) + (c)->n_names)
#define MT_CODE_BYTECODE(c) ((const uint8_t *)(MT_CODE_CONSTS(c) + (c)->tables_words))
#define MT_CODE_LINES(c)    (MT_CODE_BYTECODE(c) + (c)->code_len)

/* operand kind of each opcode */
extern const uint8_t mt_opcode_operand_kind[MT_OP_COUNT];
/* the source line of the instruction at byte offset `offset` */
size_t mt_code_line(const mt_code_t *code, size_t offset);

/* compile everything the parser yields into one module code object (core/compile.c) */
mt_code_t *mt_compile_module(mt_parser_t *p, mt_qstr_t filename, mt_parse_mode_t mode);

#endif
