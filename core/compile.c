/* The compiler: parse tree -> code objects. One pass over each scope's tree, after scope
 * analysis (core/scope.c). Module code is compiled statement by statement as the parser
 * hands them over; the tree of each statement is garbage once it is compiled. */
#include "bytecode.h"
#include "exc.h"
#include "nlr.h"
#include "scope.h"
#include "state.h"

#define MAX_FBLOCKS 24

typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_ASYNC_FOR,
    FB_TRY,          /* body of try/except: POP_BLOCK */
    FB_FINALLY,      /* body of try/finally: POP_BLOCK, then the finally body */
    FB_HANDLER,      /* an except body or an exceptional finally: POP_BLOCK, POP_EXCEPT */
    FB_HANDLER_NAME, /* `except E as name` body: POP_BLOCK, name = None, del name */
    FB_WITH,
    FB_ASYNC_WITH,
    FB_POP_VALUE, /* a finally body inlined by `return`: the return value is below */
} fb_kind_t;

typedef struct {
    uint8_t kind;
    uint16_t l_continue, l_break;
    const mt_ast_t *final; /* FB_FINALLY: the finally body */
    mt_qstr_t name;        /* FB_HANDLER_NAME */
} fblock_t;

typedef struct {
    uint32_t pos; /* offset of the 2-byte jump operand */
    uint32_t label;
} fixup_t;

/* one code object being built */
/* a growing byte string: a unit's bytecode, its line table */
typedef struct {
    uint8_t *p;
    uint32_t len, alloc;
} bytes_t;

typedef struct unit_s {
    struct unit_s *prev;
    mt_scope_t *scope;
    bytes_t code;
    mt_obj_t *consts;
    uint32_t n_consts, alloc_consts;
    mt_qstr_t *names;
    uint32_t n_names, alloc_names;
    uint32_t *labels;
    uint32_t n_labels, alloc_labels;
    fixup_t *fixups;
    uint32_t n_fixups, alloc_fixups;
    bytes_t lines;
    uint32_t line_off, line, first_line;
    int depth, max_depth;
    int blocks, max_blocks;
    int n_fb;
    fblock_t fb[MAX_FBLOCKS];
} unit_t;

typedef struct {
    mt_qstr_t file;
    mt_parse_mode_t mode;
    unit_t *u;
    size_t line;
} comp_t;

enum { CTX_LOAD, CTX_STORE, CTX_DEL };

static void compile_expr(comp_t *c, const mt_ast_t *n);
static void compile_stmt(comp_t *c, const mt_ast_t *n);
static void compile_block(comp_t *c, const mt_ast_t *n);

MT_NORETURN static void error(comp_t *c, const char *msg) {
    mt_syntax_error(c->file, c->line, "%s", mt_qstr_from_str(msg));
}

/* ---------------------------------------------------------------------------------------------
 * Emitting
 * ------------------------------------------------------------------------------------------- */
static void *grow(void *p, uint32_t *alloc, uint32_t need, size_t elem) {
    if (need <= *alloc) {
        return p;
    }
    uint32_t n = *alloc ? *alloc * 2 : 16;
    while (n < need) {
        n *= 2;
    }
    p = mt_realloc(p, n * elem);
    *alloc = n;
    return p;
}

static void put_byte(bytes_t *b, uint8_t x) {
    b->p = grow(b->p, &b->alloc, b->len + 1, 1);
    b->p[b->len++] = x;
}

static void put_varint(bytes_t *b, mt_uint_t v) {
    while (v >= 0x80) {
        put_byte(b, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    put_byte(b, (uint8_t)v);
}

static void adjust(unit_t *u, int delta) {
    u->depth += delta;
    if (u->depth > u->max_depth) {
        u->max_depth = u->depth;
    }
}

/* the stack depth after instruction op with operands a, b (MT_OPCODES' description) */
static void adjust_for(unit_t *u, int op, mt_uint_t a, mt_uint_t b) {
    uint32_t n_free = 0, pops, pushes;
    if (op == MT_OP_MAKE_FUNCTION) {
        n_free = ((mt_code_t *)MT_OBJ_TO_PTR(u->consts[a]))->n_free;
    }
    mt_op_stack_effect(op, (uint32_t)a, (uint32_t)b, n_free, &pops, &pushes);
    adjust(u, (int)pushes - (int)pops);
}

static void emit(comp_t *c, int op) {
    put_byte(&c->u->code, op);
    adjust_for(c->u, op, 0, 0);
}

static void emit_u(comp_t *c, int op, mt_uint_t arg) {
    put_byte(&c->u->code, op);
    put_varint(&c->u->code, arg);
    adjust_for(c->u, op, arg, 0);
}

static void emit_uu(comp_t *c, int op, mt_uint_t a, mt_uint_t b) {
    put_byte(&c->u->code, op);
    put_varint(&c->u->code, a);
    put_varint(&c->u->code, b);
    adjust_for(c->u, op, a, b);
}

static uint32_t new_label(comp_t *c) {
    unit_t *u = c->u;
    u->labels = grow(u->labels, &u->alloc_labels, u->n_labels + 1, sizeof(uint32_t));
    u->labels[u->n_labels] = UINT32_MAX;
    return u->n_labels++;
}

static void label_here(comp_t *c, uint32_t l) {
    c->u->labels[l] = c->u->code.len;
}

static void emit_jump(comp_t *c, int op, uint32_t label) {
    unit_t *u = c->u;
    emit(c, op);
    u->fixups = grow(u->fixups, &u->alloc_fixups, u->n_fixups + 1, sizeof(fixup_t));
    u->fixups[u->n_fixups].pos = u->code.len;
    u->fixups[u->n_fixups++].label = label;
    put_byte(&u->code, 0);
    put_byte(&u->code, 0);
}

static void setup_block(comp_t *c, int op, uint32_t label) {
    emit_jump(c, op, label);
    if (++c->u->blocks > c->u->max_blocks) {
        c->u->max_blocks = c->u->blocks;
    }
}

static void pop_block(comp_t *c) {
    emit(c, MT_OP_POP_BLOCK);
    c->u->blocks--;
}

static void set_line(comp_t *c, size_t line) {
    unit_t *u = c->u;
    c->line = line;
    if (line == u->line || line == 0) {
        return;
    }
    mt_int_t d = (mt_int_t)line - (mt_int_t)u->line;
    put_varint(&u->lines, u->code.len - u->line_off);
    put_varint(&u->lines, ((mt_uint_t)d << 1) ^ (mt_uint_t)(d >> (sizeof(mt_int_t) * 8 - 1)));
    u->line_off = u->code.len;
    u->line = line;
}

static uint32_t add_const(comp_t *c, mt_obj_t o) {
    unit_t *u = c->u;
    if (!MT_IS_TYPE(o, &mt_type_code)) {
        for (uint32_t i = 0; i < u->n_consts; i++) {
            if (u->consts[i] == o) {
                return i;
            }
        }
    }
    u->consts = grow(u->consts, &u->alloc_consts, u->n_consts + 1, sizeof(mt_obj_t));
    u->consts[u->n_consts] = o;
    return u->n_consts++;
}

static uint32_t add_name(comp_t *c, mt_qstr_t q) {
    unit_t *u = c->u;
    for (uint32_t i = 0; i < u->n_names; i++) {
        if (u->names[i] == q) {
            return i;
        }
    }
    u->names = grow(u->names, &u->alloc_names, u->n_names + 1, sizeof(mt_qstr_t));
    u->names[u->n_names] = q;
    return u->n_names++;
}

static void emit_name_op(comp_t *c, int op, mt_qstr_t q) {
    emit_u(c, op, add_name(c, q));
}

static void load_const(comp_t *c, mt_obj_t o) {
    if (o == MT_NONE) {
        emit(c, MT_OP_LOAD_NONE);
    } else if (o == MT_TRUE) {
        emit(c, MT_OP_LOAD_TRUE);
    } else if (o == MT_FALSE) {
        emit(c, MT_OP_LOAD_FALSE);
    } else if (MT_IS_SMALL_INT(o) && MT_SMALL_INT_VALUE(o) > -(1 << 20) &&
               MT_SMALL_INT_VALUE(o) < (1 << 20)) {
        mt_int_t v = MT_SMALL_INT_VALUE(o);
        emit_u(c, MT_OP_LOAD_SMALL_INT, v < 0 ? ((mt_uint_t)(-v) << 1) - 1 : (mt_uint_t)v << 1);
    } else {
        emit_u(c, MT_OP_LOAD_CONST, add_const(c, o));
    }
}

/* ---------------------------------------------------------------------------------------------
 * Units
 * ------------------------------------------------------------------------------------------- */
static void unit_push(comp_t *c, mt_scope_t *s, size_t line) {
    unit_t *u = mt_new_obj(unit_t);
    u->prev = c->u;
    u->scope = s;
    u->line = u->first_line = line;
    c->u = u;
    if (s != NULL) {
        for (size_t i = 0; i < s->n_ids; i++) {
            if (s->ids[i].kind == MT_VAR_CELL) {
                emit_u(c, MT_OP_MAKE_CELL, s->ids[i].slot);
            }
        }
    }
}

static void copy(void *dst, const void *src, size_t n) {
    if (n > 0) {
        memcpy(dst, src, n);
    }
}

static mt_code_t *unit_finish(comp_t *c, mt_qstr_t name, uint16_t flags) {
    unit_t *u = c->u;
    for (uint32_t i = 0; i < u->n_fixups; i++) {
        uint32_t pos = u->fixups[i].pos;
        mt_int_t off = (mt_int_t)u->labels[u->fixups[i].label] - (mt_int_t)(pos + 2);
        if (off < -32768 || off > 32767) {
            error(c, "code block too large");
        }
        u->code.p[pos] = (uint8_t)off;
        u->code.p[pos + 1] = (uint8_t)((uint16_t)off >> 8);
    }
    /* one block: the header, then consts, names, varnames, bytecode and line table */
    mt_scope_t *s = u->scope;
    if (u->n_consts > 0x7fff || u->n_names > 0x7fff) {
        error(c, "too many constants or names in one code block");
    }
    size_t n_vars = (s != NULL && s->kind != MT_SCOPE_MODULE) ? s->n_slots : 0;
    size_t words =
        u->n_consts + (u->n_names + n_vars + 1) / 2 * 2 * sizeof(mt_qstr_t) / sizeof(mt_obj_t);
    if (words > UINT16_MAX) error(c, "too many constants or names in one code block");
    size_t size = sizeof(mt_code_t) + words * sizeof(mt_obj_t) + u->code.len + u->lines.len;
    mt_code_t *code = mt_alloc(size);
    code->base.type = &mt_type_code;
    mt_obj_t *consts = (mt_obj_t *)(code + 1);
    mt_qstr_t *names = (mt_qstr_t *)(consts + u->n_consts);
    mt_qstr_t *varnames = names + u->n_names;
    uint8_t *bytes = (uint8_t *)((mt_obj_t *)(code + 1) + words);
    copy(consts, u->consts, u->n_consts * sizeof(mt_obj_t));
    copy(names, u->names, u->n_names * sizeof(mt_qstr_t));
    copy(bytes, u->code.p, u->code.len);
    copy(bytes + u->code.len, u->lines.p, u->lines.len);
    code->tables_words = words;
    code->varnames = varnames;
    code->flags = flags;
    code->name = name;
    code->qualname = name;
    code->filename = c->file;
    code->first_line = u->first_line;
    if (s != NULL && s->kind != MT_SCOPE_MODULE) {
        code->qualname = s->qualname;
        code->n_pos = s->n_pos;
        code->n_posonly = s->n_posonly;
        code->n_kwonly = s->n_kwonly;
        code->flags |= (s->varargs ? MT_CODE_VARARGS : 0) | (s->varkw ? MT_CODE_VARKW : 0);
        code->n_locals = s->n_slots;
        code->n_free = s->n_free;
        for (size_t i = 0; i < s->n_ids; i++) {
            mt_id_t *id = &s->ids[i];
            if (id->kind == MT_VAR_LOCAL || id->kind == MT_VAR_CELL || id->kind == MT_VAR_FREE ||
                (id->flags & MT_ID_PASS)) {
                varnames[id->slot] = id->name;
                if (id->kind == MT_VAR_CELL) {
                    code->flags |= MT_CODE_HAS_CELLS;
                }
            }
        }
    }
    if (u->max_blocks > 255) {
        error(c, "too many statically nested blocks");
    }
    code->block_depth = u->max_blocks;
    code->stack_size = u->max_depth + 1;
    code->code_len = u->code.len;
    code->n_consts = u->n_consts;
    code->n_names = u->n_names;
    code->lines_len = u->lines.len;
    void *bufs[] = {u->code.p, u->consts, u->names, u->lines.p, u->labels, u->fixups};
    for (size_t i = 0; i < MT_ARRAY_SIZE(bufs); i++) {
        if (bufs[i] != NULL) {
            mt_free(bufs[i]);
        }
    }
    c->u = u->prev;
    mt_free(u); /* at once: a stale pointer to it on the C stack would keep it alive */
    return code;
}

/* ---------------------------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------------------------- */
static void compile_name(comp_t *c, mt_qstr_t q, int ctx) {
    mt_scope_t *s = c->u->scope;
    mt_id_t *id = mt_scope_find(s, q);
    int kind = id                                                           ? id->kind
               : (s->kind == MT_SCOPE_FUNCTION || s->kind == MT_SCOPE_COMP) ? MT_VAR_GLOBAL
                                                                            : MT_VAR_NAME;
    switch (kind) {
    case MT_VAR_LOCAL: emit_u(c, MT_OP_LOAD_FAST + ctx, id->slot); break;
    case MT_VAR_CELL:
    case MT_VAR_FREE:
        if (s->kind == MT_SCOPE_CLASS && ctx == CTX_LOAD && !(id->flags & MT_ID_NONLOCAL)) {
            emit_u(c, MT_OP_LOAD_CLASSDEREF, id->slot);
        } else {
            emit_u(c, MT_OP_LOAD_DEREF + ctx, id->slot);
        }
        break;
    case MT_VAR_GLOBAL: emit_name_op(c, MT_OP_LOAD_GLOBAL + ctx, q); break;
    default: emit_name_op(c, MT_OP_LOAD_NAME + ctx, q); break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Expressions
 * ------------------------------------------------------------------------------------------- */
static bool is_kind(const mt_ast_t *n, int kind) {
    return n != NULL && n->kind == kind;
}

static void compile_jump_if(comp_t *c, const mt_ast_t *n, bool cond, uint32_t label) {
    if (n->kind == MT_AST_UNARYOP && n->op == MT_UNOP_NOT) {
        compile_jump_if(c, n->kids[0], !cond, label);
        return;
    }
    if (n->kind == MT_AST_BOOLOP) {
        bool is_or = n->op == 1;
        if (cond == is_or) {
            /* or-jump-if-true / and-jump-if-false: any operand decides */
            for (size_t i = 0; i < n->n_kids; i++) {
                compile_jump_if(c, n->kids[i], cond, label);
            }
        } else {
            uint32_t skip = new_label(c);
            for (size_t i = 0; i + 1 < n->n_kids; i++) {
                compile_jump_if(c, n->kids[i], !cond, skip);
            }
            compile_jump_if(c, n->kids[n->n_kids - 1], cond, label);
            label_here(c, skip);
        }
        return;
    }
    compile_expr(c, n);
    emit_jump(c, cond ? MT_OP_POP_JUMP_IF_TRUE : MT_OP_POP_JUMP_IF_FALSE, label);
}

static void compile_compare(comp_t *c, const mt_ast_t *n) {
    compile_expr(c, n->kids[0]);
    size_t n_ops = n->n_kids - 1;
    if (n_ops == 1) {
        compile_expr(c, n->kids[1]->kids[0]);
        emit_u(c, MT_OP_BINARY_OP, n->kids[1]->op);
        return;
    }
    uint32_t cleanup = new_label(c), end = new_label(c);
    for (size_t i = 1; i <= n_ops; i++) {
        const mt_ast_t *cmp = n->kids[i];
        compile_expr(c, cmp->kids[0]);
        if (i < n_ops) {
            emit(c, MT_OP_DUP_TOP);
            emit(c, MT_OP_ROT_THREE);
            emit_u(c, MT_OP_BINARY_OP, cmp->op);
            emit_jump(c, MT_OP_JUMP_IF_FALSE_OR_POP, cleanup);
        } else {
            emit_u(c, MT_OP_BINARY_OP, cmp->op);
        }
    }
    emit_jump(c, MT_OP_JUMP, end);
    label_here(c, cleanup);
    adjust(c->u, 1); /* [b, result] */
    emit(c, MT_OP_ROT_TWO);
    emit(c, MT_OP_POP_TOP);
    label_here(c, end);
}

/* items of a list/tuple/set display; with starred items they are added one by one */
static void compile_display(comp_t *c, const mt_ast_t *n) {
    bool starred = false;
    for (size_t i = 0; i < n->n_kids; i++) {
        starred |= is_kind(n->kids[i], MT_AST_STARRED);
    }
    int build = n->kind == MT_AST_SET    ? MT_OP_BUILD_SET
                : n->kind == MT_AST_LIST ? MT_OP_BUILD_LIST
                                         : MT_OP_BUILD_TUPLE;
    if (!starred) {
        for (size_t i = 0; i < n->n_kids; i++) {
            compile_expr(c, n->kids[i]);
        }
        emit_u(c, build, n->n_kids);
        return;
    }
    bool is_set = n->kind == MT_AST_SET;
    emit_u(c, is_set ? MT_OP_BUILD_SET : MT_OP_BUILD_LIST, 0);
    for (size_t i = 0; i < n->n_kids; i++) {
        const mt_ast_t *k = n->kids[i];
        if (k->kind == MT_AST_STARRED) {
            compile_expr(c, k->kids[0]);
            emit_u(c, is_set ? MT_OP_SET_UPDATE : MT_OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, k);
            emit_u(c, is_set ? MT_OP_SET_ADD : MT_OP_LIST_APPEND, 1);
        }
    }
    if (n->kind == MT_AST_TUPLE) {
        emit(c, MT_OP_LIST_TO_TUPLE);
    }
}

static bool all_const(const mt_ast_t *n) {
    for (size_t i = 0; i < n->n_kids; i++) {
        if (!is_kind(n->kids[i], MT_AST_CONST)) {
            return false;
        }
    }
    return true;
}

static void compile_tuple(comp_t *c, const mt_ast_t *n) {
    if (n->n_kids > 0 && all_const(n)) {
        mt_obj_t t = mt_tuple_new(n->n_kids, NULL);
        mt_tuple_t *tp = MT_OBJ_TO_PTR(t);
        for (size_t i = 0; i < n->n_kids; i++) {
            tp->items[i] = n->kids[i]->value;
        }
        load_const(c, t);
        return;
    }
    compile_display(c, n);
}

static void compile_dict(comp_t *c, const mt_ast_t *n) {
    size_t pairs = n->n_kids / 2;
    bool dstar = false;
    for (size_t i = 0; i < pairs; i++) {
        dstar |= is_kind(n->kids[2 * i], MT_AST_DOUBLESTAR);
    }
    if (!dstar) {
        for (size_t i = 0; i < n->n_kids; i++) {
            compile_expr(c, n->kids[i]);
        }
        emit_u(c, MT_OP_BUILD_MAP, pairs);
        return;
    }
    emit_u(c, MT_OP_BUILD_MAP, 0);
    for (size_t i = 0; i < pairs; i++) {
        const mt_ast_t *k = n->kids[2 * i];
        if (k->kind == MT_AST_DOUBLESTAR) {
            compile_expr(c, k->kids[0]);
            emit_u(c, MT_OP_DICT_UPDATE, 1);
        } else {
            compile_expr(c, k);
            compile_expr(c, n->kids[2 * i + 1]);
            emit_u(c, MT_OP_MAP_ADD, 1);
        }
    }
}

/* true unless the call uses starred or double-starred arguments */
static bool simple_args(const mt_ast_t *const *args, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (args[i]->kind == MT_AST_STARRED || args[i]->kind == MT_AST_DOUBLESTAR) {
            return false;
        }
    }
    return true;
}

static void compile_simple_args(comp_t *c, const mt_ast_t *const *args, size_t n, size_t *n_pos,
                                size_t *n_kw) {
    *n_pos = *n_kw = 0;
    for (size_t i = 0; i < n; i++) {
        if (args[i]->kind != MT_AST_KEYWORD) {
            compile_expr(c, args[i]);
            (*n_pos)++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (args[i]->kind == MT_AST_KEYWORD) {
            load_const(c, args[i]->value);
            compile_expr(c, args[i]->kids[0]);
            (*n_kw)++;
        }
    }
}

/* The callable (and `pre` leading arguments after it) are on the stack: build the list of
 * positional arguments and the keyword dict, then CALL_FUNCTION_EX. */
static void compile_ex_call(comp_t *c, const mt_ast_t *const *args, size_t n, size_t pre) {
    emit_u(c, MT_OP_BUILD_LIST, pre);
    bool has_kw = false;
    for (size_t i = 0; i < n; i++) {
        const mt_ast_t *a = args[i];
        if (a->kind == MT_AST_KEYWORD || a->kind == MT_AST_DOUBLESTAR) {
            has_kw = true;
        } else if (a->kind == MT_AST_STARRED) {
            compile_expr(c, a->kids[0]);
            emit_u(c, MT_OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, a);
            emit_u(c, MT_OP_LIST_APPEND, 1);
        }
    }
    if (has_kw) {
        emit_u(c, MT_OP_BUILD_MAP, 0);
        for (size_t i = 0; i < n; i++) {
            const mt_ast_t *a = args[i];
            if (a->kind == MT_AST_KEYWORD) {
                load_const(c, a->value);
                compile_expr(c, a->kids[0]);
                emit_u(c, MT_OP_BUILD_MAP, 1);
                emit_u(c, MT_OP_DICT_MERGE, 1);
            } else if (a->kind == MT_AST_DOUBLESTAR) {
                compile_expr(c, a->kids[0]);
                emit_u(c, MT_OP_DICT_MERGE, 1);
            }
        }
    }
    emit_u(c, MT_OP_CALL_FUNCTION_EX, has_kw);
}

static mt_qstr_t first_param(mt_scope_t *s) {
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].flags & MT_ID_PARAM) {
            return s->ids[i].name;
        }
    }
    return 0;
}

static bool compile_zero_arg_super(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = c->u->scope;
    const mt_ast_t *fn = n->kids[0];
    if (n->n_kids != 1 || fn->kind != MT_AST_NAME || MT_QSTR_VALUE(fn->value) != MT_QSTR_super ||
        s->kind != MT_SCOPE_FUNCTION || (s->n_pos == 0 && !s->varargs)) {
        return false;
    }
    mt_id_t *sid = mt_scope_find(s, MT_QSTR_super);
    mt_id_t *cid = mt_scope_find(s, MT_QSTR___class__);
    if (sid == NULL || sid->kind != MT_VAR_GLOBAL || cid == NULL || cid->kind != MT_VAR_FREE) {
        return false;
    }
    compile_name(c, MT_QSTR_super, CTX_LOAD);
    compile_name(c, MT_QSTR___class__, CTX_LOAD);
    mt_qstr_t first = first_param(s);
    if (s->n_pos == 0) {
        compile_name(c, first, CTX_LOAD); /* *args: super(__class__, args[0]) */
        load_const(c, MT_NEW_SMALL_INT(0));
        emit(c, MT_OP_BINARY_SUBSCR);
    } else {
        compile_name(c, first, CTX_LOAD);
    }
    emit_uu(c, MT_OP_CALL_FUNCTION, 2, 0);
    return true;
}

static void compile_call(comp_t *c, const mt_ast_t *n) {
    if (compile_zero_arg_super(c, n)) {
        return;
    }
    const mt_ast_t *fn = n->kids[0];
    const mt_ast_t *const *args = (const mt_ast_t *const *)&n->kids[1];
    size_t n_args = n->n_kids - 1, n_pos, n_kw;
    if (!simple_args(args, n_args)) {
        compile_expr(c, fn);
        compile_ex_call(c, args, n_args, 0);
        return;
    }
    if (fn->kind == MT_AST_ATTR) {
        compile_expr(c, fn->kids[0]);
        emit_name_op(c, MT_OP_LOAD_METHOD, MT_QSTR_VALUE(fn->value));
        compile_simple_args(c, args, n_args, &n_pos, &n_kw);
        set_line(c, n->line);
        emit_uu(c, MT_OP_CALL_METHOD, n_pos, n_kw);
        return;
    }
    compile_expr(c, fn);
    compile_simple_args(c, args, n_args, &n_pos, &n_kw);
    set_line(c, n->line);
    emit_uu(c, MT_OP_CALL_FUNCTION, n_pos, n_kw);
}

static void compile_fstring(comp_t *c, const mt_ast_t *n) {
    size_t parts = 0;
    for (size_t i = 0; i < n->n_kids; i++) {
        const mt_ast_t *k = n->kids[i];
        if (k->kind == MT_AST_FORMATTED) {
            compile_expr(c, k->kids[0]);
            int conv = k->op == 's' ? 1 : k->op == 'r' ? 2 : k->op == 'a' ? 3 : 0;
            bool spec = k->n_kids > 1 && k->kids[1] != NULL;
            if (spec) {
                compile_fstring(c, k->kids[1]);
            }
            emit_u(c, MT_OP_FORMAT_VALUE, conv | (spec ? MT_FORMAT_HAS_SPEC : 0));
        } else {
            compile_expr(c, k);
        }
        parts++;
    }
    if (parts == 0) {
        load_const(c, MT_NEW_QSTR(MT_QSTR_NULL));
    } else if (parts > 1 || n->kids[0]->kind != MT_AST_FORMATTED) {
        emit_u(c, MT_OP_BUILD_STRING, parts);
    }
}

static mt_code_t *compile_function_body(comp_t *c, mt_scope_t *s, const mt_ast_t *n);
static void compile_target(comp_t *c, const mt_ast_t *n);

/* MAKE_FUNCTION for child scope s (node n) with default args from `args` (ARGS or NULL) */
static void make_function(comp_t *c, mt_scope_t *s, const mt_ast_t *args, mt_code_t *code) {
    unsigned flags = 0;
    int pushed = 0;
    if (args != NULL) {
        size_t n_def = 0, n_kwdef = 0;
        for (size_t i = 0; i < args->n_kids; i++) {
            const mt_ast_t *a = args->kids[i];
            if (a->n_kids > 0 && a->kids[0] != NULL &&
                (a->op == MT_ARG_KIND_POS || a->op == MT_ARG_KIND_POSONLY)) {
                compile_expr(c, a->kids[0]);
                n_def++;
            }
        }
        if (n_def > 0) {
            emit_u(c, MT_OP_BUILD_TUPLE, n_def);
            flags |= MT_MAKEFUN_DEFAULTS;
            pushed++;
        }
        for (size_t i = 0; i < args->n_kids; i++) {
            const mt_ast_t *a = args->kids[i];
            if (a->n_kids > 0 && a->kids[0] != NULL && a->op == MT_ARG_KIND_KWONLY) {
                load_const(c, a->value);
                compile_expr(c, a->kids[0]);
                n_kwdef++;
            }
        }
        if (n_kwdef > 0) {
            emit_u(c, MT_OP_BUILD_MAP, n_kwdef);
            flags |= MT_MAKEFUN_KWDEFAULTS;
            pushed++;
        }
    }
    /* the closure: our cells for the child's free variables, in the child's slot order */
    for (size_t i = 0; i < s->n_ids; i++) {
        mt_id_t *id = &s->ids[i];
        if (id->kind == MT_VAR_FREE || (id->flags & MT_ID_PASS)) {
            mt_id_t *mine = mt_scope_find(c->u->scope, id->name);
            if (mine == NULL) {
                error(c, "internal error: closure variable not found");
            }
            emit_u(c, MT_OP_LOAD_CLOSURE, mine->slot);
            pushed++;
        }
    }
    emit_uu(c, MT_OP_MAKE_FUNCTION, add_const(c, MT_OBJ_FROM_PTR(code)), flags);
}

static void compile_lambda(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = mt_scope_child(c->u->scope, n);
    unit_push(c, s, n->line);
    compile_expr(c, n->kids[1]);
    emit(c, s->is_generator ? MT_OP_POP_TOP : MT_OP_RETURN_VALUE);
    if (s->is_generator) {
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_RETURN_VALUE);
    }
    mt_code_t *code = unit_finish(c, MT_QSTR_lt_lambda_gt, s->is_generator ? MT_CODE_GENERATOR : 0);
    make_function(c, s, n->kids[0], code);
}

/* the loops and conditions of a comprehension, from kids[i]; n_loops loops are open */
/* the loops and conditions of a comprehension, from kids[i]; the open loops hold `slots`
 * stack slots above the result (5 for a for loop's iterator, 1 for an async for's) */
static void comp_loop(comp_t *c, const mt_ast_t *n, size_t first, size_t i, unsigned slots,
                      uint32_t l_cont) {
    if (i == n->n_kids) {
        unsigned dist = slots + 1;
        switch (n->kind) {
        case MT_AST_LISTCOMP:
            compile_expr(c, n->kids[0]);
            emit_u(c, MT_OP_LIST_APPEND, dist);
            break;
        case MT_AST_SETCOMP:
            compile_expr(c, n->kids[0]);
            emit_u(c, MT_OP_SET_ADD, dist);
            break;
        case MT_AST_DICTCOMP:
            compile_expr(c, n->kids[0]);
            compile_expr(c, n->kids[1]);
            emit_u(c, MT_OP_MAP_ADD, dist);
            break;
        default:
            compile_expr(c, n->kids[0]);
            if (c->u->scope->is_async) {
                emit(c, MT_OP_ASYNC_GEN_WRAP);
            }
            emit(c, MT_OP_YIELD_VALUE);
            emit(c, MT_OP_POP_TOP);
            break;
        }
        return;
    }
    const mt_ast_t *k = n->kids[i];
    if (k->kind == MT_AST_COMP_IF) {
        compile_jump_if(c, k->kids[0], false, l_cont);
        comp_loop(c, n, first, i + 1, slots, l_cont);
        return;
    }
    bool is_async = k->op;
    if (i == first) {
        emit_u(c, MT_OP_LOAD_FAST, 0);
    } else {
        compile_expr(c, k->kids[1]);
        if (is_async) {
            emit(c, MT_OP_GET_AITER);
        }
    }
    int base = c->u->depth - 1;
    uint32_t start = new_label(c), end = new_label(c);
    if (is_async) {
        label_here(c, start);
        setup_block(c, MT_OP_SETUP_HANDLER, end);
        emit(c, MT_OP_GET_ANEXT);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
        pop_block(c);
    } else {
        emit(c, MT_OP_GET_ITER_STACK);
        label_here(c, start);
        emit_jump(c, MT_OP_FOR_ITER, end);
    }
    compile_target(c, k->kids[0]);
    comp_loop(c, n, first, i + 1, slots + (is_async ? 1 : 5), start);
    emit_jump(c, MT_OP_JUMP, start);
    label_here(c, end);
    if (is_async) {
        c->u->depth = base + 2;
        emit(c, MT_OP_END_ASYNC_FOR);
    }
    c->u->depth = base;
}

static void compile_comp(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = mt_scope_child(c->u->scope, n);
    size_t first = n->kind == MT_AST_DICTCOMP ? 2 : 1;
    if (s->is_async && !s->is_generator && !c->u->scope->is_async) {
        error(c, "asynchronous comprehension outside of an asynchronous function");
    }
    unit_push(c, s, n->line);
    switch (n->kind) {
    case MT_AST_LISTCOMP: emit_u(c, MT_OP_BUILD_LIST, 0); break;
    case MT_AST_SETCOMP: emit_u(c, MT_OP_BUILD_SET, 0); break;
    case MT_AST_DICTCOMP: emit_u(c, MT_OP_BUILD_MAP, 0); break;
    default: emit(c, MT_OP_LOAD_NONE); break;
    }
    comp_loop(c, n, first, first, 0, 0);
    emit(c, MT_OP_RETURN_VALUE);
    uint16_t flags = s->is_generator ? (s->is_async ? MT_CODE_ASYNC_GENERATOR : MT_CODE_GENERATOR)
                     : s->is_async   ? MT_CODE_COROUTINE
                                     : 0;
    mt_code_t *code = unit_finish(c, s->name, flags);
    make_function(c, s, NULL, code);
    compile_expr(c, n->kids[first]->kids[1]);
    emit(c, n->kids[first]->op ? MT_OP_GET_AITER : MT_OP_GET_ITER);
    emit_uu(c, MT_OP_CALL_FUNCTION, 1, 0);
    if (s->is_async && !s->is_generator) {
        emit(c, MT_OP_GET_AWAITABLE);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
    }
}

static void check_yield(comp_t *c, const char *what) {
    mt_scope_t *s = c->u->scope;
    if (s->kind == MT_SCOPE_MODULE || s->kind == MT_SCOPE_CLASS) {
        mt_syntax_error(c->file, c->line, "'%s' outside function", mt_qstr_from_str(what));
    }
    if (s->kind == MT_SCOPE_COMP) {
        mt_qstr_t k = s->name;
        error(c, k == MT_QSTR_lt_listcomp_gt   ? "'yield' inside list comprehension"
                 : k == MT_QSTR_lt_setcomp_gt  ? "'yield' inside set comprehension"
                 : k == MT_QSTR_lt_dictcomp_gt ? "'yield' inside dict comprehension"
                                               : "'yield' inside generator expression");
    }
}

static void compile_await(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = c->u->scope;
    if (s->kind == MT_SCOPE_MODULE || s->kind == MT_SCOPE_CLASS) {
        error(c, "'await' outside function");
    }
    if (!s->is_async) {
        error(c, s->kind == MT_SCOPE_COMP
                     ? "asynchronous comprehension outside of an asynchronous function"
                     : "'await' outside async function");
    }
    compile_expr(c, n->kids[0]);
    emit(c, MT_OP_GET_AWAITABLE);
    emit(c, MT_OP_LOAD_NONE);
    emit(c, MT_OP_YIELD_FROM);
}

static void compile_expr(comp_t *c, const mt_ast_t *n) {
    mt_stack_check();
    if (n->line != c->line && n->line != 0) {
        set_line(c, n->line); /* an expression spanning lines: errors point into it */
    }
    switch (n->kind) {
    case MT_AST_NAME:
        if (MT_QSTR_VALUE(n->value) == MT_QSTR___debug__) /* a constant, as in CPython */
            load_const(c, MT_BOOL(mt_state.opt_level == 0));
        else
            compile_name(c, MT_QSTR_VALUE(n->value), CTX_LOAD);
        break;
    case MT_AST_CONST: load_const(c, n->value); break;
    case MT_AST_BINOP:
        compile_expr(c, n->kids[0]);
        compile_expr(c, n->kids[1]);
        emit_u(c, MT_OP_BINARY_OP, n->op);
        break;
    case MT_AST_UNARYOP: {
        const mt_ast_t *k = n->kids[0];
        if (n->op == MT_UNOP_NEG && k->kind == MT_AST_CONST && MT_IS_SMALL_INT(k->value) &&
            MT_SMALL_INT_VALUE(k->value) > 0) {
            load_const(c, MT_NEW_SMALL_INT(-MT_SMALL_INT_VALUE(k->value)));
            break;
        }
        compile_expr(c, k);
        if (n->op == MT_UNOP_NOT) {
            emit(c, MT_OP_UNARY_NOT);
        } else {
            emit_u(c, MT_OP_UNARY_OP, n->op);
        }
        break;
    }
    case MT_AST_BOOLOP: {
        uint32_t end = new_label(c);
        int op = n->op == 1 ? MT_OP_JUMP_IF_TRUE_OR_POP : MT_OP_JUMP_IF_FALSE_OR_POP;
        for (size_t i = 0; i < n->n_kids; i++) {
            compile_expr(c, n->kids[i]);
            if (i + 1 < n->n_kids) {
                emit_jump(c, op, end);
            }
        }
        label_here(c, end);
        break;
    }
    case MT_AST_COMPARE: compile_compare(c, n); break;
    case MT_AST_CALL: compile_call(c, n); break;
    case MT_AST_ATTR:
        compile_expr(c, n->kids[0]);
        emit_name_op(c, MT_OP_LOAD_ATTR, MT_QSTR_VALUE(n->value));
        break;
    case MT_AST_SUBSCR:
        compile_expr(c, n->kids[0]);
        compile_expr(c, n->kids[1]);
        emit(c, MT_OP_BINARY_SUBSCR);
        break;
    case MT_AST_SLICE:
        for (size_t i = 0; i < 2; i++) {
            if (i < n->n_kids && n->kids[i] != NULL) {
                compile_expr(c, n->kids[i]);
            } else {
                emit(c, MT_OP_LOAD_NONE);
            }
        }
        if (n->n_kids > 2 && n->kids[2] != NULL) {
            compile_expr(c, n->kids[2]);
            emit_u(c, MT_OP_BUILD_SLICE, 3);
        } else {
            emit_u(c, MT_OP_BUILD_SLICE, 2);
        }
        break;
    case MT_AST_TUPLE: compile_tuple(c, n); break;
    case MT_AST_LIST:
    case MT_AST_SET: compile_display(c, n); break;
    case MT_AST_DICT: compile_dict(c, n); break;
    case MT_AST_LISTCOMP:
    case MT_AST_SETCOMP:
    case MT_AST_GENEXP:
    case MT_AST_DICTCOMP: compile_comp(c, n); break;
    case MT_AST_IFEXP: {
        uint32_t orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, n->kids[0], false, orelse);
        compile_expr(c, n->kids[1]);
        emit_jump(c, MT_OP_JUMP, end);
        label_here(c, orelse);
        adjust(c->u, -1);
        compile_expr(c, n->kids[2]);
        label_here(c, end);
        break;
    }
    case MT_AST_LAMBDA: compile_lambda(c, n); break;
    case MT_AST_NAMEDEXPR:
        compile_expr(c, n->kids[1]);
        emit(c, MT_OP_DUP_TOP);
        compile_name(c, MT_QSTR_VALUE(n->kids[0]->value), CTX_STORE);
        break;
    case MT_AST_YIELD:
        check_yield(c, "yield");
        if (n->n_kids > 0 && n->kids[0] != NULL) {
            compile_expr(c, n->kids[0]);
        } else {
            emit(c, MT_OP_LOAD_NONE);
        }
        if (c->u->scope->is_async) {
            emit(c, MT_OP_ASYNC_GEN_WRAP);
        }
        emit(c, MT_OP_YIELD_VALUE);
        break;
    case MT_AST_YIELD_FROM:
        check_yield(c, "yield");
        if (c->u->scope->is_async) {
            error(c, "'yield from' inside async function");
        }
        compile_expr(c, n->kids[0]);
        emit(c, MT_OP_GET_ITER);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
        break;
    case MT_AST_AWAIT: compile_await(c, n); break;
    case MT_AST_FSTRING: compile_fstring(c, n); break;
    case MT_AST_STARRED: error(c, "can't use starred expression here");
    default: error(c, "invalid syntax");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Targets
 * ------------------------------------------------------------------------------------------- */
static void compile_unpack(comp_t *c, const mt_ast_t *n) {
    size_t star = SIZE_MAX;
    for (size_t i = 0; i < n->n_kids; i++) {
        if (n->kids[i]->kind == MT_AST_STARRED) {
            if (star != SIZE_MAX) {
                error(c, "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star == SIZE_MAX) {
        emit_u(c, MT_OP_UNPACK_SEQUENCE, n->n_kids);
    } else {
        emit_uu(c, MT_OP_UNPACK_EX, star, n->n_kids - star - 1);
    }
    for (size_t i = 0; i < n->n_kids; i++) {
        const mt_ast_t *k = n->kids[i];
        compile_target(c, k->kind == MT_AST_STARRED ? k->kids[0] : k);
    }
}

/* store the value on top of the stack into target n */
static void compile_target(comp_t *c, const mt_ast_t *n) {
    switch (n->kind) {
    case MT_AST_NAME: compile_name(c, MT_QSTR_VALUE(n->value), CTX_STORE); break;
    case MT_AST_ATTR:
        compile_expr(c, n->kids[0]);
        emit_name_op(c, MT_OP_STORE_ATTR, MT_QSTR_VALUE(n->value));
        break;
    case MT_AST_SUBSCR:
        compile_expr(c, n->kids[0]);
        compile_expr(c, n->kids[1]);
        emit(c, MT_OP_STORE_SUBSCR);
        break;
    case MT_AST_TUPLE:
    case MT_AST_LIST: compile_unpack(c, n); break;
    case MT_AST_STARRED: error(c, "starred assignment target must be in a list or tuple");
    default: error(c, "cannot assign to expression");
    }
}

static void compile_del(comp_t *c, const mt_ast_t *n) {
    switch (n->kind) {
    case MT_AST_NAME: compile_name(c, MT_QSTR_VALUE(n->value), CTX_DEL); break;
    case MT_AST_ATTR:
        compile_expr(c, n->kids[0]);
        emit_name_op(c, MT_OP_DELETE_ATTR, MT_QSTR_VALUE(n->value));
        break;
    case MT_AST_SUBSCR:
        compile_expr(c, n->kids[0]);
        compile_expr(c, n->kids[1]);
        emit(c, MT_OP_DELETE_SUBSCR);
        break;
    case MT_AST_TUPLE:
    case MT_AST_LIST:
        for (size_t i = 0; i < n->n_kids; i++) {
            compile_del(c, n->kids[i]);
        }
        break;
    default: error(c, "cannot delete expression");
    }
}

static void compile_augassign(comp_t *c, const mt_ast_t *n) {
    const mt_ast_t *t = n->kids[0];
    int op = n->op + MT_BINOP_INPLACE_OFFSET;
    switch (t->kind) {
    case MT_AST_NAME:
        compile_name(c, MT_QSTR_VALUE(t->value), CTX_LOAD);
        compile_expr(c, n->kids[1]);
        emit_u(c, MT_OP_BINARY_OP, op);
        compile_name(c, MT_QSTR_VALUE(t->value), CTX_STORE);
        break;
    case MT_AST_ATTR:
        compile_expr(c, t->kids[0]);
        emit(c, MT_OP_DUP_TOP);
        emit_name_op(c, MT_OP_LOAD_ATTR, MT_QSTR_VALUE(t->value));
        compile_expr(c, n->kids[1]);
        emit_u(c, MT_OP_BINARY_OP, op);
        emit(c, MT_OP_ROT_TWO);
        emit_name_op(c, MT_OP_STORE_ATTR, MT_QSTR_VALUE(t->value));
        break;
    case MT_AST_SUBSCR:
        compile_expr(c, t->kids[0]);
        compile_expr(c, t->kids[1]);
        emit(c, MT_OP_DUP_TOP_TWO);
        emit(c, MT_OP_BINARY_SUBSCR);
        compile_expr(c, n->kids[1]);
        emit_u(c, MT_OP_BINARY_OP, op);
        emit(c, MT_OP_ROT_THREE);
        emit(c, MT_OP_STORE_SUBSCR);
        break;
    default: error(c, "'expression' is an illegal expression for augmented assignment");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Unwinding for break / continue / return
 * ------------------------------------------------------------------------------------------- */
static void push_fb(comp_t *c, int kind, uint32_t l_cont, uint32_t l_break) {
    unit_t *u = c->u;
    if (u->n_fb == MAX_FBLOCKS) {
        error(c, "too many statically nested blocks");
    }
    fblock_t *fb = &u->fb[u->n_fb++];
    fb->kind = kind;
    fb->l_continue = l_cont;
    fb->l_break = l_break;
    fb->final = NULL;
    fb->name = 0;
}

static void with_exit_none(comp_t *c, bool is_async) {
    emit(c, MT_OP_LOAD_NONE);
    emit(c, MT_OP_DUP_TOP);
    emit(c, MT_OP_DUP_TOP);
    emit_uu(c, MT_OP_CALL_METHOD, 3, 0);
    if (is_async) {
        emit(c, MT_OP_GET_AWAITABLE);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
    }
    emit(c, MT_OP_POP_TOP);
}

/* emit the code leaving fblock i (preserving the value on top if preserve) */
static void unwind_fblock(comp_t *c, int i, bool preserve) {
    unit_t *u = c->u;
    fblock_t fb = u->fb[i];
    switch (fb.kind) {
    case FB_WHILE: break;
    case FB_FOR: emit_u(c, MT_OP_POP_ITER, preserve); break;
    case FB_POP_VALUE:
    case FB_ASYNC_FOR:
        if (preserve) {
            emit(c, MT_OP_ROT_TWO);
        }
        emit(c, MT_OP_POP_TOP);
        break;
    case FB_TRY: pop_block(c); break;
    case FB_FINALLY: {
        pop_block(c);
        /* the finally body runs outside this block: save the inner fblocks it may clobber */
        int n_fb = u->n_fb;
        fblock_t saved[MAX_FBLOCKS];
        memcpy(saved, &u->fb[i], sizeof(fblock_t) * (n_fb - i));
        u->n_fb = i;
        if (preserve) {
            push_fb(c, FB_POP_VALUE, 0, 0);
        }
        compile_block(c, fb.final);
        memcpy(&u->fb[i], saved, sizeof(fblock_t) * (n_fb - i));
        u->n_fb = n_fb;
        break;
    }
    case FB_HANDLER:
        pop_block(c);
        if (preserve) {
            emit(c, MT_OP_ROT_THREE);
        }
        emit(c, MT_OP_POP_EXCEPT);
        break;
    case FB_HANDLER_NAME:
        pop_block(c);
        emit(c, MT_OP_LOAD_NONE);
        compile_name(c, fb.name, CTX_STORE);
        compile_name(c, fb.name, CTX_DEL);
        break;
    default: /* FB_WITH, FB_ASYNC_WITH */
        pop_block(c);
        if (preserve) {
            emit(c, MT_OP_ROT_THREE);
        }
        with_exit_none(c, fb.kind == FB_ASYNC_WITH);
        break;
    }
}

static void compile_break_continue(comp_t *c, bool is_break) {
    unit_t *u = c->u;
    int depth = u->depth, blocks = u->blocks;
    int i;
    for (i = u->n_fb - 1; i >= 0; i--) {
        int k = u->fb[i].kind;
        if (k == FB_WHILE || k == FB_FOR || k == FB_ASYNC_FOR) {
            break;
        }
        unwind_fblock(c, i, false);
    }
    if (i < 0) {
        error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (is_break) {
        unwind_fblock(c, i, false);
        emit_jump(c, MT_OP_JUMP, u->fb[i].l_break);
    } else {
        emit_jump(c, MT_OP_JUMP, u->fb[i].l_continue);
    }
    u->depth = depth;
    u->blocks = blocks;
}

static void compile_return(comp_t *c, const mt_ast_t *n) {
    unit_t *u = c->u;
    mt_scope_t *s = u->scope;
    if (s->kind != MT_SCOPE_FUNCTION) {
        error(c, "'return' outside function");
    }
    int depth = u->depth, blocks = u->blocks;
    if (n->n_kids > 0 && n->kids[0] != NULL) {
        if (s->is_async && s->is_generator) {
            error(c, "'return' with value in async generator");
        }
        compile_expr(c, n->kids[0]);
    } else {
        emit(c, MT_OP_LOAD_NONE);
    }
    for (int i = u->n_fb - 1; i >= 0; i--) {
        unwind_fblock(c, i, true);
    }
    emit(c, MT_OP_RETURN_VALUE);
    u->depth = depth;
    u->blocks = blocks;
}

/* ---------------------------------------------------------------------------------------------
 * Compound statements
 * ------------------------------------------------------------------------------------------- */
static bool is_const_true(const mt_ast_t *n) {
    if (n->kind != MT_AST_CONST) {
        return false;
    }
    mt_obj_t v = n->value;
    return v == MT_TRUE || (MT_IS_SMALL_INT(v) && MT_SMALL_INT_VALUE(v) != 0);
}

static void compile_if(comp_t *c, const mt_ast_t *n) {
    uint32_t orelse = new_label(c), end = new_label(c);
    compile_jump_if(c, n->kids[0], false, orelse);
    compile_block(c, n->kids[1]);
    bool has_else = n->n_kids > 2 && n->kids[2] != NULL;
    if (has_else) {
        emit_jump(c, MT_OP_JUMP, end);
    }
    label_here(c, orelse);
    if (has_else) {
        compile_block(c, n->kids[2]);
    }
    label_here(c, end);
}

static void compile_while(comp_t *c, const mt_ast_t *n) {
    uint32_t start = new_label(c), orelse = new_label(c), brk = new_label(c);
    label_here(c, start);
    if (!is_const_true(n->kids[0])) {
        compile_jump_if(c, n->kids[0], false, orelse);
    }
    push_fb(c, FB_WHILE, start, brk);
    compile_block(c, n->kids[1]);
    c->u->n_fb--;
    emit_jump(c, MT_OP_JUMP, start);
    label_here(c, orelse);
    if (n->n_kids > 2) {
        compile_block(c, n->kids[2]);
    }
    label_here(c, brk);
}

static void compile_for(comp_t *c, const mt_ast_t *n) {
    uint32_t start = new_label(c), orelse = new_label(c), brk = new_label(c);
    int base = c->u->depth;
    compile_expr(c, n->kids[1]);
    if (n->op) {
        if (!c->u->scope->is_async) {
            error(c, "'async for' outside async function");
        }
        emit(c, MT_OP_GET_AITER);
        label_here(c, start);
        setup_block(c, MT_OP_SETUP_HANDLER, orelse);
        emit(c, MT_OP_GET_ANEXT);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
        pop_block(c);
    } else {
        emit(c, MT_OP_GET_ITER_STACK);
        label_here(c, start);
        emit_jump(c, MT_OP_FOR_ITER, orelse);
    }
    compile_target(c, n->kids[0]);
    push_fb(c, n->op ? FB_ASYNC_FOR : FB_FOR, start, brk);
    compile_block(c, n->kids[2]);
    c->u->n_fb--;
    emit_jump(c, MT_OP_JUMP, start);
    label_here(c, orelse);
    if (n->op) {
        c->u->depth = base + 2;
        emit(c, MT_OP_END_ASYNC_FOR);
    }
    c->u->depth = base;
    if (n->n_kids > 3 && n->kids[3] != NULL) {
        compile_block(c, n->kids[3]);
    }
    label_here(c, brk);
}

static void compile_try_except(comp_t *c, const mt_ast_t *n) {
    unit_t *u = c->u;
    uint32_t handlers = new_label(c), end = new_label(c), cleanup = new_label(c);
    int base = u->depth, blocks = u->blocks;
    setup_block(c, MT_OP_SETUP_HANDLER, handlers);
    push_fb(c, FB_TRY, 0, 0);
    compile_block(c, n->kids[0]);
    u->n_fb--;
    pop_block(c);
    if (n->n_kids > 2 && n->kids[2] != NULL) {
        compile_block(c, n->kids[2]);
    }
    emit_jump(c, MT_OP_JUMP, end);

    label_here(c, handlers);
    u->depth = base + 1;
    emit(c, MT_OP_PUSH_EXC_INFO);
    setup_block(c, MT_OP_SETUP_HANDLER, cleanup);
    const mt_ast_t *hs = n->kids[1];
    for (size_t i = 0; i < hs->n_kids; i++) {
        const mt_ast_t *h = hs->kids[i];
        set_line(c, h->line);
        uint32_t next = new_label(c);
        if (h->kids[0] != NULL) {
            compile_expr(c, h->kids[0]);
            emit_jump(c, MT_OP_JUMP_IF_NOT_EXC_MATCH, next);
        } else if (i + 1 < hs->n_kids) {
            error(c, "default 'except:' must be last");
        }
        push_fb(c, FB_HANDLER, 0, 0);
        uint32_t named_cleanup = 0;
        mt_qstr_t name = h->value != MT_NULL ? MT_QSTR_VALUE(h->value) : 0;
        if (name) {
            named_cleanup = new_label(c);
            emit(c, MT_OP_DUP_TOP);
            compile_name(c, name, CTX_STORE);
            setup_block(c, MT_OP_SETUP_HANDLER, named_cleanup);
            push_fb(c, FB_HANDLER_NAME, 0, 0);
            u->fb[u->n_fb - 1].name = name;
        }
        compile_block(c, h->kids[1]);
        if (name) {
            u->n_fb--;
            pop_block(c);
            emit(c, MT_OP_LOAD_NONE);
            compile_name(c, name, CTX_STORE);
            compile_name(c, name, CTX_DEL);
        }
        u->n_fb--;
        pop_block(c);
        emit(c, MT_OP_POP_EXCEPT);
        emit_jump(c, MT_OP_JUMP, end);
        u->depth = base + 2;
        u->blocks = blocks + 1;
        if (name) {
            label_here(c, named_cleanup);
            adjust(u, 1);
            emit(c, MT_OP_LOAD_NONE);
            compile_name(c, name, CTX_STORE);
            compile_name(c, name, CTX_DEL);
            emit(c, MT_OP_EXC_CLEANUP);
            u->depth = base + 2;
        }
        label_here(c, next);
    }
    pop_block(c);
    emit(c, MT_OP_RERAISE_EXC);
    label_here(c, cleanup);
    u->depth = base + 3;
    emit(c, MT_OP_EXC_CLEANUP);
    label_here(c, end);
    u->depth = base;
    u->blocks = blocks;
}

static void compile_try(comp_t *c, const mt_ast_t *n) {
    const mt_ast_t *final = n->n_kids > 3 ? n->kids[3] : NULL;
    bool has_handlers = n->kids[1] != NULL && n->kids[1]->n_kids > 0;
    if (final == NULL) {
        compile_try_except(c, n);
        return;
    }
    unit_t *u = c->u;
    uint32_t exc = new_label(c), end = new_label(c), cleanup = new_label(c);
    int base = u->depth, blocks = u->blocks;
    setup_block(c, MT_OP_SETUP_HANDLER, exc);
    push_fb(c, FB_FINALLY, 0, 0);
    u->fb[u->n_fb - 1].final = final;
    if (has_handlers) {
        compile_try_except(c, n);
    } else {
        compile_block(c, n->kids[0]);
    }
    u->n_fb--;
    pop_block(c);
    compile_block(c, final);
    emit_jump(c, MT_OP_JUMP, end);

    label_here(c, exc);
    u->depth = base + 1;
    emit(c, MT_OP_PUSH_EXC_INFO);
    setup_block(c, MT_OP_SETUP_HANDLER, cleanup);
    push_fb(c, FB_HANDLER, 0, 0);
    compile_block(c, final);
    u->n_fb--;
    pop_block(c);
    emit(c, MT_OP_RERAISE_EXC);
    label_here(c, cleanup);
    u->depth = base + 3;
    emit(c, MT_OP_EXC_CLEANUP);
    label_here(c, end);
    u->depth = base;
    u->blocks = blocks;
}

static void compile_with_item(comp_t *c, const mt_ast_t *n, size_t i) {
    if (i + 1 == n->n_kids) {
        compile_block(c, n->kids[i]);
        return;
    }
    unit_t *u = c->u;
    bool is_async = n->op;
    if (is_async && !u->scope->is_async) {
        error(c, "'async with' outside async function");
    }
    const mt_ast_t *item = n->kids[i];
    uint32_t exc = new_label(c), end = new_label(c), cleanup = new_label(c),
             suppress = new_label(c);
    int base = u->depth, blocks = u->blocks;
    compile_expr(c, item->kids[0]);
    if (is_async) {
        emit(c, MT_OP_BEFORE_ASYNC_WITH);
        emit(c, MT_OP_GET_AWAITABLE);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
    } else {
        emit(c, MT_OP_BEFORE_WITH);
    }
    setup_block(c, MT_OP_SETUP_WITH, exc);
    if (item->n_kids > 1 && item->kids[1] != NULL) {
        compile_target(c, item->kids[1]);
    } else {
        emit(c, MT_OP_POP_TOP);
    }
    push_fb(c, is_async ? FB_ASYNC_WITH : FB_WITH, 0, 0);
    compile_with_item(c, n, i + 1);
    u->n_fb--;
    pop_block(c);
    with_exit_none(c, is_async);
    emit_jump(c, MT_OP_JUMP, end);

    label_here(c, exc); /* [exit, self, exc] */
    u->depth = base + 3;
    emit(c, MT_OP_PUSH_EXC_INFO);
    setup_block(c, MT_OP_SETUP_HANDLER, cleanup);
    emit(c, MT_OP_WITH_EXCEPT);
    if (is_async) {
        emit(c, MT_OP_GET_AWAITABLE);
        emit(c, MT_OP_LOAD_NONE);
        emit(c, MT_OP_YIELD_FROM);
    }
    emit_jump(c, MT_OP_POP_JUMP_IF_TRUE, suppress);
    pop_block(c);
    emit(c, MT_OP_RERAISE_EXC);
    label_here(c, suppress);
    u->blocks++;
    u->depth = base + 4;
    pop_block(c);
    emit(c, MT_OP_POP_EXCEPT);
    emit(c, MT_OP_POP_TOP);
    emit(c, MT_OP_POP_TOP);
    emit_jump(c, MT_OP_JUMP, end);
    label_here(c, cleanup);
    u->depth = base + 5;
    emit(c, MT_OP_EXC_CLEANUP);
    label_here(c, end);
    u->depth = base;
    u->blocks = blocks;
}

static mt_code_t *compile_function_body(comp_t *c, mt_scope_t *s, const mt_ast_t *n) {
    unit_push(c, s, n->line);
    compile_block(c, n->kids[2]);
    emit(c, MT_OP_LOAD_NONE);
    emit(c, MT_OP_RETURN_VALUE);
    uint16_t flags = s->is_async && s->is_generator ? MT_CODE_ASYNC_GENERATOR
                     : s->is_async                  ? MT_CODE_COROUTINE
                     : s->is_generator              ? MT_CODE_GENERATOR
                                                    : 0;
    return unit_finish(c, s->name, flags);
}

static void compile_decorators(comp_t *c, const mt_ast_t *decos) {
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n_kids; i++) {
            compile_expr(c, decos->kids[i]);
        }
    }
}

static void apply_decorators(comp_t *c, const mt_ast_t *decos) {
    if (decos != NULL) {
        for (size_t i = 0; i < decos->n_kids; i++) {
            emit_uu(c, MT_OP_CALL_FUNCTION, 1, 0);
        }
    }
}

static void compile_funcdef(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = mt_scope_child(c->u->scope, n);
    compile_decorators(c, n->kids[0]);
    mt_code_t *code = compile_function_body(c, s, n);
    make_function(c, s, n->kids[1], code);
    apply_decorators(c, n->kids[0]);
    compile_name(c, MT_QSTR_VALUE(n->value), CTX_STORE);
}

static void compile_classdef(comp_t *c, const mt_ast_t *n) {
    mt_scope_t *s = mt_scope_child(c->u->scope, n);
    mt_qstr_t name = MT_QSTR_VALUE(n->value);
    compile_decorators(c, n->kids[0]);
    emit(c, MT_OP_LOAD_BUILD_CLASS);

    unit_push(c, s, n->line);
    compile_name(c, MT_QSTR___name__, CTX_LOAD);
    compile_name(c, MT_QSTR___module__, CTX_STORE);
    load_const(c, MT_NEW_QSTR(s->qualname));
    compile_name(c, MT_QSTR___qualname__, CTX_STORE);
    compile_block(c, n->kids[2]);
    if (s->has_class_cell) {
        emit_u(c, MT_OP_LOAD_CLOSURE, mt_scope_find(s, MT_QSTR___class__)->slot);
        emit_name_op(c, MT_OP_STORE_NAME, MT_QSTR___classcell__);
    }
    emit(c, MT_OP_LOAD_NONE);
    emit(c, MT_OP_RETURN_VALUE);
    mt_code_t *code = unit_finish(c, name, MT_CODE_CLASS_BODY);

    make_function(c, s, NULL, code);
    load_const(c, MT_NEW_QSTR(name));
    const mt_ast_t *args = n->kids[1];
    size_t n_args = args ? args->n_kids : 0;
    const mt_ast_t *const *a = args ? (const mt_ast_t *const *)args->kids : NULL;
    if (n_args > 0 && !simple_args(a, n_args)) {
        compile_ex_call(c, a, n_args, 2);
    } else {
        size_t n_pos = 0, n_kw = 0;
        compile_simple_args(c, a, n_args, &n_pos, &n_kw);
        emit_uu(c, MT_OP_CALL_FUNCTION, n_pos + 2, n_kw);
    }
    apply_decorators(c, n->kids[0]);
    compile_name(c, name, CTX_STORE);
}

static void compile_import(comp_t *c, const mt_ast_t *n) {
    for (size_t i = 0; i < n->n_kids; i++) {
        const mt_ast_t *a = n->kids[i];
        mt_qstr_t full = MT_QSTR_VALUE(a->value);
        emit(c, MT_OP_LOAD_NONE);
        emit_uu(c, MT_OP_IMPORT_NAME, add_name(c, full), 0);
        size_t len;
        const char *data = mt_qstr_data(full, &len);
        char *s = mt_alloc(len + 1);
        memcpy(s, data, len);
        const char *dot = memchr(s, '.', len);
        if (a->aux) {
            while (dot != NULL) {
                const char *p = dot + 1;
                dot = memchr(p, '.', s + len - p);
                size_t l = dot ? (size_t)(dot - p) : (size_t)(s + len - p);
                emit_name_op(c, MT_OP_LOAD_ATTR, mt_qstr_from_strn(p, l));
            }
            compile_name(c, a->aux, CTX_STORE);
        } else {
            mt_qstr_t first = dot ? mt_qstr_from_strn(s, dot - s) : full;
            compile_name(c, first, CTX_STORE);
        }
    }
}

static void compile_import_from(comp_t *c, const mt_ast_t *n) {
    mt_qstr_t mod = n->value != MT_NULL ? MT_QSTR_VALUE(n->value) : MT_QSTR_NULL;
    size_t k = n->n_kids;
    mt_obj_t fromlist = mt_tuple_new(k ? k : 1, NULL);
    mt_tuple_t *t = MT_OBJ_TO_PTR(fromlist);
    if (k == 0) {
        t->items[0] = MT_NEW_QSTR(MT_QSTR_star);
    }
    for (size_t i = 0; i < k; i++) {
        t->items[i] = n->kids[i]->value;
    }
    load_const(c, fromlist);
    emit_uu(c, MT_OP_IMPORT_NAME, add_name(c, mod), n->op);
    if (k == 0) {
        emit(c, MT_OP_IMPORT_STAR);
        return;
    }
    for (size_t i = 0; i < k; i++) {
        const mt_ast_t *a = n->kids[i];
        mt_qstr_t q = MT_QSTR_VALUE(a->value);
        emit_name_op(c, MT_OP_IMPORT_FROM, q);
        compile_name(c, a->aux ? a->aux : q, CTX_STORE);
    }
    emit(c, MT_OP_POP_TOP);
}

static void compile_expr_stmt(comp_t *c, const mt_ast_t *n) {
    const mt_ast_t *e = n->kids[0];
    bool repl =
        c->mode == MT_PARSE_SINGLE && c->u->scope->kind == MT_SCOPE_MODULE && c->u->prev == NULL;
    if (e->kind == MT_AST_CONST && !repl) {
        return; /* docstrings and other constants: no effect */
    }
    compile_expr(c, e);
    emit(c, repl ? MT_OP_PRINT_EXPR : MT_OP_POP_TOP);
}

static void compile_assert(comp_t *c, const mt_ast_t *n) {
    if (mt_state.opt_level >= 1) {
        return;
    }
    uint32_t ok = new_label(c);
    compile_jump_if(c, n->kids[0], true, ok);
    bool msg = n->n_kids > 1 && n->kids[1] != NULL;
    if (msg) {
        compile_expr(c, n->kids[1]);
    }
    emit_u(c, MT_OP_RAISE_ASSERT, msg);
    label_here(c, ok);
}

static void compile_stmt(comp_t *c, const mt_ast_t *n) {
    mt_stack_check();
    set_line(c, n->line);
    switch (n->kind) {
    case MT_AST_BLOCK: compile_block(c, n); break;
    case MT_AST_EXPR_STMT: compile_expr_stmt(c, n); break;
    case MT_AST_ASSIGN: {
        size_t nt = n->n_kids - 1;
        compile_expr(c, n->kids[nt]);
        for (size_t i = 0; i < nt; i++) {
            if (i + 1 < nt) {
                emit(c, MT_OP_DUP_TOP);
            }
            compile_target(c, n->kids[i]);
        }
        break;
    }
    case MT_AST_AUGASSIGN: compile_augassign(c, n); break;
    case MT_AST_ANNASSIGN:
        if (n->n_kids > 2 && n->kids[2] != NULL) {
            compile_expr(c, n->kids[2]);
            compile_target(c, n->kids[0]);
        }
        break;
    case MT_AST_DEL:
        for (size_t i = 0; i < n->n_kids; i++) {
            compile_del(c, n->kids[i]);
        }
        break;
    case MT_AST_PASS:
    case MT_AST_GLOBAL:
    case MT_AST_NONLOCAL: break;
    case MT_AST_BREAK: compile_break_continue(c, true); break;
    case MT_AST_CONTINUE: compile_break_continue(c, false); break;
    case MT_AST_RETURN: compile_return(c, n); break;
    case MT_AST_RAISE: {
        size_t k = 0;
        for (size_t i = 0; i < n->n_kids && n->kids[i] != NULL; i++) {
            compile_expr(c, n->kids[i]);
            k++;
        }
        emit_u(c, MT_OP_RAISE_VARARGS, k);
        break;
    }
    case MT_AST_ASSERT: compile_assert(c, n); break;
    case MT_AST_IMPORT: compile_import(c, n); break;
    case MT_AST_IMPORT_FROM: compile_import_from(c, n); break;
    case MT_AST_IF: compile_if(c, n); break;
    case MT_AST_WHILE: compile_while(c, n); break;
    case MT_AST_FOR: compile_for(c, n); break;
    case MT_AST_TRY: compile_try(c, n); break;
    case MT_AST_WITH: compile_with_item(c, n, 0); break;
    case MT_AST_FUNCDEF: compile_funcdef(c, n); break;
    case MT_AST_CLASSDEF: compile_classdef(c, n); break;
    default: error(c, "invalid syntax");
    }
}

static void compile_block(comp_t *c, const mt_ast_t *n) {
    if (n == NULL) {
        return;
    }
    if (n->kind != MT_AST_BLOCK) {
        compile_stmt(c, n);
        return;
    }
    for (size_t i = 0; i < n->n_kids; i++) {
        compile_stmt(c, n->kids[i]);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Module
 * ------------------------------------------------------------------------------------------- */
mt_code_t *mt_compile_module(mt_parser_t *p, mt_qstr_t filename, mt_parse_mode_t mode) {
    comp_t c = {filename, mode, NULL, 1};
    unit_push(&c, NULL, 1);
    bool is_eval = mode == MT_PARSE_EVAL;
    for (;;) {
        mt_ast_t *stmt = mt_parse_next(p);
        if (stmt == NULL) {
            break;
        }
        c.u->scope = mt_scope_analyse(stmt, filename);
        if (is_eval) {
            set_line(&c, stmt->line);
            compile_expr(&c, stmt->kind == MT_AST_EXPR_STMT ? stmt->kids[0] : stmt);
            emit(&c, MT_OP_RETURN_VALUE);
            c.u->depth = 0;
        } else {
            compile_stmt(&c, stmt);
        }
        c.u->scope = NULL;
    }
    emit(&c, MT_OP_LOAD_NONE);
    emit(&c, MT_OP_RETURN_VALUE);
    return unit_finish(&c, MT_QSTR_lt_module_gt, MT_CODE_MODULE);
}

/* ---------------------------------------------------------------------------------------------
 * Tables shared with the VM and tools
 * ------------------------------------------------------------------------------------------- */
const mt_opinfo_t mt_opinfo[MT_OP_COUNT] = {
#define X(name, kind, pops, pushes, flow, var)                                                     \
    {MT_OPK_##kind, pops, pushes, MT_OPF_##flow, MT_OPV_##var},
    MT_OPCODES(X)
#undef X
};

static mt_uint_t read_varint(const uint8_t **pp, const uint8_t *end) {
    mt_uint_t v = 0;
    unsigned sh = 0;
    while (*pp < end) {
        uint8_t b = *(*pp)++;
        v |= (mt_uint_t)(b & 0x7f) << sh;
        sh += 7;
        if (!(b & 0x80)) {
            break;
        }
    }
    return v;
}

size_t mt_code_line(const mt_code_t *code, size_t offset) {
    const uint8_t *p = MT_CODE_LINES(code), *end = p + code->lines_len;
    size_t off = 0, line = code->first_line;
    while (p < end) {
        mt_uint_t d = read_varint(&p, end);
        mt_uint_t z = read_varint(&p, end);
        if (off + d > offset) {
            break;
        }
        off += d;
        line += (mt_int_t)(z >> 1) ^ -(mt_int_t)(z & 1);
    }
    return line;
}
