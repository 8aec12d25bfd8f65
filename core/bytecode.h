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

/* flow of an instruction: its successors */
enum {
    MT_OPF_NEXT,        /* the next instruction */
    MT_OPF_JUMP,        /* the jump target only */
    MT_OPF_BRANCH,      /* both, the same stack effect on each */
    MT_OPF_BRANCH_KEEP, /* both; the jump keeps the slots the fall-through pops */
    MT_OPF_FOR,         /* both; the jump (iterator exhausted) pops b0..b3 it */
    MT_OPF_SETUP,       /* next; pushes a block: handler = the target, level = the depth */
    MT_OPF_SETUP_WITH,  /* as SETUP, level = the depth - 1 */
    MT_OPF_POP_BLOCK,   /* next; pops a block */
    MT_OPF_STOP,        /* none (returns or raises) */
};

/* the operand-dependent part of an instruction's stack effect (a, b: its UINT operands) */
enum {
    MT_OPV_NONE,
    MT_OPV_POP_A,    /* pops a more */
    MT_OPV_POP_2A,   /* pops 2a more */
    MT_OPV_CALL,     /* pops a + 2b more (positional arguments, keyword pairs) */
    MT_OPV_PUSH_A,   /* pushes a more */
    MT_OPV_PUSH_AB,  /* pushes a + b more */
    MT_OPV_KEEP_A,   /* pops and pushes a more (a value kept on top) */
    MT_OPV_SPEC,     /* pops 1 more if a has MT_FORMAT_HAS_SPEC */
    MT_OPV_MAKEFUN,  /* pops one per flag of b, and the code's n_free cells */
    MT_OPV_REACH_A,  /* reads the slot a below the top, after its pops (a >= 1) */
    MT_OPV_REACH_A2, /* as REACH_A, and the slot a + 2 below */
};

/* X(name, operand kind, pops, pushes, flow, var): the instruction set, one line an opcode, the
 * single description the compiler (stack depth), the VM (dispatch) and the loader's verifier
 * (core/persist.c) share. pops/pushes: value-stack slots the instruction removes and adds on
 * its fall-through path (a slot it only reads stays; the verifier knows which), plus the
 * operand-dependent part named by var (MT_OPV_*); flow: its successors (MT_OPF_*). The
 * comment: stack before -> after, top of stack rightmost. */
#define MT_OPCODES(X)                                                                              \
    X(NOP, NONE, 0, 0, NEXT, NONE)                         /* -> */                                \
    X(POP_TOP, NONE, 1, 0, NEXT, NONE)                     /* a -> */                              \
    X(DUP_TOP, NONE, 0, 1, NEXT, NONE)                     /* a -> a a */                          \
    X(DUP_TOP_TWO, NONE, 0, 2, NEXT, NONE)                 /* a b -> a b a b */                    \
    X(ROT_TWO, NONE, 2, 2, NEXT, NONE)                     /* a b -> b a */                        \
    X(ROT_THREE, NONE, 3, 3, NEXT, NONE)                   /* a b c -> c a b */                    \
    X(LOAD_CONST, CONST, 0, 1, NEXT, NONE)                 /* -> consts[i] */                      \
    X(LOAD_SMALL_INT, SINT, 0, 1, NEXT, NONE)              /* -> int */                            \
    X(LOAD_NONE, NONE, 0, 1, NEXT, NONE)                   /* -> None */                           \
    X(LOAD_TRUE, NONE, 0, 1, NEXT, NONE)                   /* -> True */                           \
    X(LOAD_FALSE, NONE, 0, 1, NEXT, NONE)                  /* -> False */                          \
    X(LOAD_FAST, LOCAL, 0, 1, NEXT, NONE)                  /* -> v (UnboundLocalError if unset) */ \
    X(STORE_FAST, LOCAL, 1, 0, NEXT, NONE)                 /* v -> */                              \
    X(DELETE_FAST, LOCAL, 0, 0, NEXT, NONE)                /* -> */                                \
    X(LOAD_DEREF, LOCAL, 0, 1, NEXT, NONE)                 /* -> cell contents */                  \
    X(STORE_DEREF, LOCAL, 1, 0, NEXT, NONE)                /* v -> (into the cell) */              \
    X(DELETE_DEREF, LOCAL, 0, 0, NEXT, NONE)               /* -> */                                \
    X(LOAD_CLOSURE, LOCAL, 0, 1, NEXT, NONE)               /* -> the cell object itself */         \
    X(LOAD_CLASSDEREF, LOCAL, 0, 1, NEXT, NONE)            /* -> locals[varnames[i]] or cell's */  \
    X(MAKE_CELL, LOCAL, 0, 0, NEXT, NONE)                  /* -> (slot i: cell of its value) */    \
    X(LOAD_NAME, NAME, 0, 1, NEXT, NONE)                   /* -> v (locals, globals, builtins) */  \
    X(STORE_NAME, NAME, 1, 0, NEXT, NONE)                  /* v -> (locals dict) */                \
    X(DELETE_NAME, NAME, 0, 0, NEXT, NONE)                 /* -> */                                \
    X(LOAD_GLOBAL, NAME, 0, 1, NEXT, NONE)                 /* -> v (globals, builtins) */          \
    X(STORE_GLOBAL, NAME, 1, 0, NEXT, NONE)                /* v -> */                              \
    X(DELETE_GLOBAL, NAME, 0, 0, NEXT, NONE)               /* -> */                                \
    X(LOAD_ATTR, NAME, 1, 1, NEXT, NONE)                   /* o -> o.name */                       \
    X(STORE_ATTR, NAME, 2, 0, NEXT, NONE)                  /* v o -> */                            \
    X(DELETE_ATTR, NAME, 1, 0, NEXT, NONE)                 /* o -> */                              \
    X(LOAD_METHOD, NAME, 1, 2, NEXT, NONE)                 /* o -> fun self|NULL */                \
    X(BINARY_SUBSCR, NONE, 2, 1, NEXT, NONE)               /* o i -> o[i] */                       \
    X(STORE_SUBSCR, NONE, 3, 0, NEXT, NONE)                /* v o i -> */                          \
    X(DELETE_SUBSCR, NONE, 2, 0, NEXT, NONE)               /* o i -> */                            \
    X(BINARY_OP, UINT, 2, 1, NEXT, NONE)                   /* a b -> a op b (op: mt_binop_t) */    \
    X(UNARY_OP, UINT, 1, 1, NEXT, NONE)                    /* a -> op a (op: mt_unop_t) */         \
    X(UNARY_NOT, NONE, 1, 1, NEXT, NONE)                   /* a -> not a */                        \
    X(JUMP, JUMP, 0, 0, JUMP, NONE)                        /* -> */                                \
    X(POP_JUMP_IF_FALSE, JUMP, 1, 0, BRANCH, NONE)         /* v -> */                              \
    X(POP_JUMP_IF_TRUE, JUMP, 1, 0, BRANCH, NONE)          /* v -> */                              \
    X(JUMP_IF_FALSE_OR_POP, JUMP, 1, 0, BRANCH_KEEP, NONE) /* v -> | v -> v (jumps) */             \
    X(JUMP_IF_TRUE_OR_POP, JUMP, 1, 0, BRANCH_KEEP, NONE)  /* v -> | v -> v (jumps) */             \
    X(GET_ITER, NONE, 1, 1, NEXT, NONE)                    /* o -> iter(o) */                      \
    X(GET_ITER_STACK, NONE, 1, 5, NEXT, NONE)          /* o -> b0 b1 b2 b3 it (it: in b0..?) */    \
    X(FOR_ITER, JUMP, 0, 1, FOR, NONE)                 /* b0..b3 it -> .. it v | -> (jumps) */     \
    X(POP_ITER, UINT, 5, 0, NEXT, KEEP_A)              /* b0..b3 it [v] -> [v] (1: keep v) */      \
    X(BUILD_TUPLE, UINT, 0, 1, NEXT, POP_A)            /* v1..vn -> (v1..vn) */                    \
    X(BUILD_LIST, UINT, 0, 1, NEXT, POP_A)             /* v1..vn -> [v1..vn] */                    \
    X(BUILD_SET, UINT, 0, 1, NEXT, POP_A)              /* v1..vn -> {v1..vn} */                    \
    X(BUILD_MAP, UINT, 0, 1, NEXT, POP_2A)             /* k1 v1 .. kn vn -> {k1: v1 ..} */         \
    X(BUILD_SLICE, UINT, 0, 1, NEXT, POP_A)            /* a b [c] -> slice (n: 2 or 3) */          \
    X(BUILD_STRING, UINT, 0, 1, NEXT, POP_A)           /* s1..sn -> s1+..+sn */                    \
    X(LIST_APPEND, UINT, 1, 0, NEXT, REACH_A)          /* L .. v -> L .. (L at [-n] after) */      \
    X(SET_ADD, UINT, 1, 0, NEXT, REACH_A)              /* as LIST_APPEND */                        \
    X(MAP_ADD, UINT, 2, 0, NEXT, REACH_A)              /* M .. k v -> M .. (M at [-n] after) */    \
    X(LIST_EXTEND, UINT, 1, 0, NEXT, REACH_A)          /* L .. it -> L .. (L at [-n] after) */     \
    X(SET_UPDATE, UINT, 1, 0, NEXT, REACH_A)           /* S .. it -> S .. */                       \
    X(DICT_UPDATE, UINT, 1, 0, NEXT, REACH_A)          /* D .. m -> D .. ({**m}) */                \
    X(DICT_MERGE, UINT, 1, 0, NEXT, REACH_A2)          /* f L D m -> f L D (f(**m)) */             \
    X(LIST_TO_TUPLE, NONE, 1, 1, NEXT, NONE)           /* L -> tuple(L) */                         \
    X(UNPACK_SEQUENCE, UINT, 1, 0, NEXT, PUSH_A)       /* seq -> vn..v1 (v1 on top) */             \
    X(UNPACK_EX, UINT2, 1, 1, NEXT, PUSH_AB)           /* seq -> after.. list before.. */          \
    X(CALL_FUNCTION, UINT2, 1, 1, NEXT, CALL)          /* f a1..an (k v)*nkw -> f(...) */          \
    X(CALL_METHOD, UINT2, 2, 1, NEXT, CALL)            /* f self|NULL a1..an (k v)*nkw -> r */     \
    X(CALL_FUNCTION_EX, UINT, 2, 1, NEXT, POP_A)       /* f args [kwdict] -> r (1: kwdict) */      \
    X(MAKE_FUNCTION, CONSTU, 0, 1, NEXT, MAKEFUN)      /* [defs] [kwdefs] cell*n_free -> fun */    \
    X(LOAD_BUILD_CLASS, NONE, 0, 1, NEXT, NONE)        /* -> __build_class__ */                    \
    X(RETURN_VALUE, NONE, 1, 0, STOP, NONE)            /* v -> (returns) */                        \
    X(YIELD_VALUE, NONE, 1, 1, NEXT, NONE)             /* v -> sent */                             \
    X(YIELD_FROM, NONE, 2, 1, NEXT, NONE)              /* it v -> it (suspends) | -> result */     \
    X(ASYNC_GEN_WRAP, NONE, 1, 1, NEXT, NONE)          /* v -> v (an async gen's own yield) */     \
    X(GET_AWAITABLE, NONE, 1, 1, NEXT, NONE)           /* o -> iterator of o.__await__() */        \
    X(GET_AITER, NONE, 1, 1, NEXT, NONE)               /* o -> o.__aiter__() */                    \
    X(GET_ANEXT, NONE, 0, 1, NEXT, NONE)               /* ai -> ai awaitable(ai.__anext__()) */    \
    X(END_ASYNC_FOR, NONE, 2, 0, NEXT, NONE)           /* ai exc -> | raises exc */                \
    X(SETUP_HANDLER, JUMP, 0, 0, SETUP, NONE)          /* -> (block: handler, level = here) */     \
    X(POP_BLOCK, NONE, 0, 0, POP_BLOCK, NONE)          /* -> (pops a block) */                     \
    X(PUSH_EXC_INFO, NONE, 1, 2, NEXT, NONE)           /* exc -> prev exc (cur_exc = exc) */       \
    X(POP_EXCEPT, NONE, 2, 0, NEXT, NONE)              /* prev exc -> (cur_exc = prev) */          \
    X(RERAISE_EXC, NONE, 2, 0, STOP, NONE)             /* prev exc -> (cur_exc = prev, raise) */   \
    X(EXC_CLEANUP, NONE, 3, 0, STOP, NONE)             /* prev exc new -> (raises new) */          \
    X(JUMP_IF_NOT_EXC_MATCH, JUMP, 1, 0, BRANCH, NONE) /* exc type -> exc (jumps: no match) */     \
    X(RAISE_VARARGS, UINT, 0, 0, STOP, POP_A)          /* [exc [cause]] -> (0: re-raise) */        \
    X(RAISE_ASSERT, UINT, 0, 0, STOP, POP_A)           /* [msg] -> (AssertionError) */             \
    X(BEFORE_WITH, NONE, 1, 3, NEXT, NONE)             /* mgr -> exit self|NULL enter() */         \
    X(BEFORE_ASYNC_WITH, NONE, 1, 3, NEXT, NONE)       /* mgr -> aexit self|NULL aenter() */       \
    X(SETUP_WITH, JUMP, 0, 0, SETUP_WITH, NONE)        /* exit self r -> (block: level below r) */ \
    X(WITH_EXCEPT, NONE, 0, 1, NEXT, NONE)             /* exit self prev exc -> .. exit(...) */    \
    X(IMPORT_NAME, NAMEU, 1, 1, NEXT, NONE)            /* fromlist -> module (2nd: level) */       \
    X(IMPORT_FROM, NAME, 0, 1, NEXT, NONE)             /* mod -> mod mod.name */                   \
    X(IMPORT_STAR, NONE, 1, 0, NEXT, NONE)             /* mod -> (names into the locals) */        \
    X(FORMAT_VALUE, UINT, 1, 1, NEXT, SPEC)            /* v [spec] -> str (b0-1 conv, b2 spec) */  \
    X(PRINT_EXPR, NONE, 1, 0, NEXT, NONE)              /* v -> (REPL: print repr, set `_`) */

typedef enum {
#define X(name, ...) MT_OP_##name,
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

/* each opcode's row of MT_OPCODES (core/compile.c) */
typedef struct {
    uint8_t operand; /* MT_OPK_* */
    uint8_t pops, pushes;
    uint8_t flow; /* MT_OPF_* */
    uint8_t var;  /* MT_OPV_* */
} mt_opinfo_t;
extern const mt_opinfo_t mt_opinfo[MT_OP_COUNT];

/* the slots instruction op pops and pushes on its fall-through path, given its operands a, b
 * (0 if it has none) and, for MAKE_FUNCTION, n_free of its code. Callers bound a and b (the
 * loader: by 0xffff) so the sums cannot overflow. */
static inline void mt_op_stack_effect(unsigned op, uint32_t a, uint32_t b, uint32_t n_free,
                                      uint32_t *pops, uint32_t *pushes) {
    const mt_opinfo_t *in = &mt_opinfo[op];
    uint32_t po = in->pops, pu = in->pushes;
    switch (in->var) {
    case MT_OPV_POP_A: po += a; break;
    case MT_OPV_POP_2A: po += 2 * a; break;
    case MT_OPV_CALL: po += a + 2 * b; break;
    case MT_OPV_PUSH_A: pu += a; break;
    case MT_OPV_PUSH_AB: pu += a + b; break;
    case MT_OPV_KEEP_A: po += a, pu += a; break;
    case MT_OPV_SPEC: po += (a & MT_FORMAT_HAS_SPEC) != 0; break;
    case MT_OPV_MAKEFUN:
        po += n_free + !!(b & MT_MAKEFUN_DEFAULTS) + !!(b & MT_MAKEFUN_KWDEFAULTS);
        break;
    default: break;
    }
    *pops = po;
    *pushes = pu;
}
/* the source line of the instruction at byte offset `offset` */
size_t mt_code_line(const mt_code_t *code, size_t offset);

/* compile everything the parser yields into one module code object (core/compile.c) */
mt_code_t *mt_compile_module(mt_parser_t *p, mt_qstr_t filename, mt_parse_mode_t mode);

#endif
