/* Scope analysis, as CPython's symbol table: a first walk collects, per scope, every name
 * with how it is used (USE, DEF, PARAM, declared GLOBAL/NONLOCAL); a second walk, top-down,
 * resolves each name to LOCAL/CELL/FREE/GLOBAL/NAME and numbers the fast slots. */
#include <stdio.h>

#include "exc.h"
#include "nlr.h"
#include "scope.h"

typedef struct {
    mt_qstr_t file;
} ctx_t;

MT_NORETURN void mt_syntax_error(mt_qstr_t file, size_t line, const char *fmt, mt_qstr_t q) {
    char msg[160];
    snprintf(msg, sizeof(msg), fmt, mt_qstr_str(q));
    mt_obj_t exc = mt_exc_new_syntax(&mt_type_SyntaxError, msg, file, line, 0);
    mt_raise(exc);
}

mt_id_t *mt_scope_find(const mt_scope_t *s, mt_qstr_t name) {
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].name == name) {
            return &s->ids[i];
        }
    }
    return NULL;
}

static mt_id_t *add_id(mt_scope_t *s, mt_qstr_t name, uint8_t flags) {
    mt_id_t *id = mt_scope_find(s, name);
    if (id == NULL) {
        if (s->n_ids == s->alloc_ids) {
            s->alloc_ids = s->alloc_ids ? s->alloc_ids * 2 : 8;
            s->ids = mt_realloc(s->ids, s->alloc_ids * sizeof(mt_id_t));
        }
        id = &s->ids[s->n_ids++];
        id->name = name;
        id->flags = 0;
        id->kind = MT_VAR_UNRESOLVED;
        id->slot = 0;
    }
    id->flags |= flags;
    return id;
}

mt_scope_t *mt_scope_child(const mt_scope_t *s, const mt_ast_t *node) {
    for (size_t i = 0; i < s->n_children; i++) {
        if (s->children[i]->node == node) {
            return s->children[i];
        }
    }
    return NULL;
}

static mt_qstr_t make_qualname(mt_scope_t *parent, mt_qstr_t name) {
    if (parent == NULL || parent->kind == MT_SCOPE_MODULE) {
        return name;
    }
    const char *sep = parent->kind == MT_SCOPE_CLASS ? "." : ".<locals>.";
    mt_vstr_t v;
    mt_vstr_init(&v, 32);
    mt_vstr_add_str(&v, mt_qstr_str(parent->qualname));
    mt_vstr_add_str(&v, sep);
    mt_vstr_add_str(&v, mt_qstr_str(name));
    mt_qstr_t q = mt_qstr_from_strn(v.buf, v.len);
    mt_vstr_clear(&v);
    return q;
}

static mt_scope_t *scope_new(mt_scope_t *parent, const mt_ast_t *node, int kind, mt_qstr_t name) {
    mt_scope_t *s = mt_new_obj(mt_scope_t);
    s->parent = parent;
    s->node = node;
    s->kind = kind;
    s->name = name;
    s->qualname = kind == MT_SCOPE_COMP ? name : make_qualname(parent, name);
    if (parent != NULL) {
        if (parent->n_children == parent->alloc_children) {
            parent->alloc_children = parent->alloc_children ? parent->alloc_children * 2 : 4;
            parent->children =
                mt_realloc(parent->children, parent->alloc_children * sizeof(mt_scope_t *));
        }
        parent->children[parent->n_children++] = s;
    }
    return s;
}

/* ---------------------------------------------------------------------------------------------
 * Collection
 * ------------------------------------------------------------------------------------------- */
static void visit_expr(ctx_t *c, mt_scope_t *s, const mt_ast_t *n);
static void visit_stmt(ctx_t *c, mt_scope_t *s, const mt_ast_t *n);

static void visit_kids(ctx_t *c, mt_scope_t *s, const mt_ast_t *n, size_t from) {
    for (size_t i = from; i < n->n_kids; i++) {
        visit_expr(c, s, n->kids[i]);
    }
}

static void def_name(mt_scope_t *s, mt_qstr_t q) {
    add_id(s, q, MT_ID_DEF);
}

static void visit_target(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
    case MT_AST_NAME: def_name(s, MT_QSTR_VALUE(n->value)); break;
    case MT_AST_TUPLE:
    case MT_AST_LIST:
        for (size_t i = 0; i < n->n_kids; i++) {
            visit_target(c, s, n->kids[i]);
        }
        break;
    case MT_AST_STARRED: visit_target(c, s, n->kids[0]); break;
    default:
        visit_expr(c, s, n); /* ATTR / SUBSCR: their parts are loads */
        break;
    }
}

/* defaults are evaluated in s; the parameters become ids of fs (pos, kw-only, *, **) */
static void visit_args(ctx_t *c, mt_scope_t *s, mt_scope_t *fs, const mt_ast_t *args) {
    if (args == NULL) {
        return;
    }
    for (size_t i = 0; i < args->n_kids; i++) {
        const mt_ast_t *a = args->kids[i];
        if (a->n_kids > 0 && a->kids[0] != NULL) {
            visit_expr(c, s, a->kids[0]);
        }
    }
    static const uint8_t order[] = {MT_ARG_KIND_POSONLY, MT_ARG_KIND_KWONLY, MT_ARG_KIND_VARARG,
                                    MT_ARG_KIND_VARKW};
    for (size_t k = 0; k < MT_ARRAY_SIZE(order); k++) {
        for (size_t i = 0; i < args->n_kids; i++) {
            const mt_ast_t *a = args->kids[i];
            uint8_t kind = a->op == MT_ARG_KIND_POS ? MT_ARG_KIND_POSONLY : a->op;
            if (kind != order[k]) {
                continue;
            }
            mt_qstr_t q = MT_QSTR_VALUE(a->value);
            if (mt_scope_find(fs, q) != NULL) {
                mt_syntax_error(c->file, a->line, "duplicate argument '%s' in function definition",
                                q);
            }
            add_id(fs, q, MT_ID_DEF | MT_ID_PARAM);
            if (fs->n_pos == 255 || fs->n_kwonly == 255) {
                mt_syntax_error(c->file, a->line, "too many arguments%s", MT_QSTR_NULL);
            }
            switch (a->op) {
            case MT_ARG_KIND_POSONLY:
                fs->n_posonly++;
                /* fall through */
            case MT_ARG_KIND_POS: fs->n_pos++; break;
            case MT_ARG_KIND_KWONLY: fs->n_kwonly++; break;
            case MT_ARG_KIND_VARARG: fs->varargs = 1; break;
            default: fs->varkw = 1; break;
            }
        }
    }
}

static mt_scope_t *nearest_non_comp(mt_scope_t *s) {
    while (s->kind == MT_SCOPE_COMP) {
        s = s->parent;
    }
    return s;
}

static void visit_namedexpr(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    mt_qstr_t q = MT_QSTR_VALUE(n->kids[0]->value);
    visit_expr(c, s, n->kids[1]);
    if (s->kind != MT_SCOPE_COMP) {
        def_name(s, q);
        return;
    }
    mt_scope_t *e = nearest_non_comp(s);
    if (e->kind == MT_SCOPE_CLASS) {
        mt_syntax_error(c->file, n->line,
                        "assignment expression within a comprehension cannot be used in a "
                        "class body%s",
                        MT_QSTR_NULL);
    }
    mt_id_t *eid = add_id(e, q, MT_ID_DEF);
    uint8_t flag =
        (e->kind == MT_SCOPE_MODULE || (eid->flags & MT_ID_GLOBAL)) ? MT_ID_GLOBAL : MT_ID_NONLOCAL;
    for (mt_scope_t *p = s; p != e; p = p->parent) {
        add_id(p, q, flag);
    }
}

static void visit_comp(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    size_t first = n->kind == MT_AST_DICTCOMP ? 2 : 1;
    mt_qstr_t name = n->kind == MT_AST_LISTCOMP  ? MT_QSTR_lt_listcomp_gt
                     : n->kind == MT_AST_SETCOMP ? MT_QSTR_lt_setcomp_gt
                     : n->kind == MT_AST_GENEXP  ? MT_QSTR_lt_genexpr_gt
                                                 : MT_QSTR_lt_dictcomp_gt;
    visit_expr(c, s, n->kids[first]->kids[1]); /* the first iterable: in the enclosing scope */
    mt_scope_t *cs = scope_new(s, n, MT_SCOPE_COMP, name);
    cs->is_generator = n->kind == MT_AST_GENEXP;
    add_id(cs, MT_QSTR_dot, MT_ID_DEF | MT_ID_PARAM);
    cs->n_pos = 1;
    for (size_t i = first; i < n->n_kids; i++) {
        const mt_ast_t *k = n->kids[i];
        if (k->kind == MT_AST_COMP_FOR && k->op) {
            cs->is_async = 1;
        }
        if (k->kind == MT_AST_COMP_FOR) {
            visit_target(c, cs, k->kids[0]);
            if (i != first) {
                visit_expr(c, cs, k->kids[1]);
            }
        } else {
            visit_expr(c, cs, k->kids[0]);
        }
    }
    for (size_t i = 0; i < first; i++) {
        visit_expr(c, cs, n->kids[i]);
    }
}

static void visit_expr(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    if (n == NULL) {
        return;
    }
    mt_stack_check();
    switch (n->kind) {
    case MT_AST_NAME: {
        mt_qstr_t q = MT_QSTR_VALUE(n->value);
        add_id(s, q, MT_ID_USE);
        if ((q == MT_QSTR_super || q == MT_QSTR___class__) && s->kind != MT_SCOPE_MODULE &&
            s->kind != MT_SCOPE_CLASS) {
            add_id(s, MT_QSTR___class__, MT_ID_USE);
        }
        break;
    }
    case MT_AST_CONST: break;
    case MT_AST_LAMBDA: {
        mt_scope_t *fs = scope_new(s, n, MT_SCOPE_FUNCTION, MT_QSTR_lt_lambda_gt);
        visit_args(c, s, fs, n->kids[0]);
        visit_expr(c, fs, n->kids[1]);
        break;
    }
    case MT_AST_LISTCOMP:
    case MT_AST_SETCOMP:
    case MT_AST_GENEXP:
    case MT_AST_DICTCOMP: visit_comp(c, s, n); break;
    case MT_AST_NAMEDEXPR: visit_namedexpr(c, s, n); break;
    case MT_AST_AWAIT:
        if (s->kind == MT_SCOPE_COMP) {
            s->is_async = 1;
        }
        visit_kids(c, s, n, 0);
        break;
    case MT_AST_YIELD:
    case MT_AST_YIELD_FROM:
        if (s->kind == MT_SCOPE_FUNCTION) {
            s->is_generator = 1; /* in a comprehension it is an error, reported by compile.c */
        }
        visit_kids(c, s, n, 0);
        break;
    default: visit_kids(c, s, n, 0); break;
    }
}

static void visit_decl(ctx_t *c, mt_scope_t *s, const mt_ast_t *n, bool is_global) {
    const char *what = is_global ? "global" : "nonlocal";
    if (!is_global && s->kind == MT_SCOPE_MODULE) {
        mt_syntax_error(c->file, n->line, "nonlocal declaration not allowed at module level%s",
                        MT_QSTR_NULL);
    }
    for (size_t i = 0; i < n->n_kids; i++) {
        mt_qstr_t q = MT_QSTR_VALUE(n->kids[i]->value);
        mt_id_t *id = mt_scope_find(s, q);
        const char *err = NULL;
        if (id != NULL) {
            if (id->flags & MT_ID_PARAM) {
                err = "parameter and";
            } else if (id->flags & (is_global ? MT_ID_NONLOCAL : MT_ID_GLOBAL)) {
                err = "nonlocal and global";
            } else if (id->flags & MT_ID_USE) {
                err = "used prior to";
            } else if ((id->flags & MT_ID_DEF) && !(id->flags & (MT_ID_GLOBAL | MT_ID_NONLOCAL))) {
                err = "assigned to before";
            }
        }
        if (err != NULL) {
            char fmt[100];
            if (err[0] == 'n') {
                snprintf(fmt, sizeof(fmt), "name '%%s' is nonlocal and global");
            } else if (err[0] == 'p') {
                snprintf(fmt, sizeof(fmt), "name '%%s' is parameter and %s", what);
            } else {
                snprintf(fmt, sizeof(fmt), "name '%%s' is %s %s declaration", err, what);
            }
            mt_syntax_error(c->file, n->line, fmt, q);
        }
        id = add_id(s, q, is_global ? MT_ID_GLOBAL : MT_ID_NONLOCAL);
        id->slot = (uint16_t)(n->line > 0xffff ? 0xffff : n->line); /* line, for errors */
    }
}

static mt_qstr_t first_component(mt_qstr_t dotted) {
    size_t len;
    const char *s = mt_qstr_data(dotted, &len);
    const char *dot = memchr(s, '.', len);
    return dot == NULL ? dotted : mt_qstr_from_strn(s, dot - s);
}

static void visit_block(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    if (n == NULL) {
        return;
    }
    for (size_t i = 0; i < n->n_kids; i++) {
        visit_stmt(c, s, n->kids[i]);
    }
}

static void visit_funcdef(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    mt_qstr_t name = MT_QSTR_VALUE(n->value);
    if (n->kids[0] != NULL) {
        visit_kids(c, s, n->kids[0], 0);
    }
    mt_scope_t *fs = scope_new(s, n, MT_SCOPE_FUNCTION, name);
    fs->is_async = n->op;
    visit_args(c, s, fs, n->kids[1]);
    def_name(s, name);
    visit_block(c, fs, n->kids[2]);
}

static void visit_classdef(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    mt_qstr_t name = MT_QSTR_VALUE(n->value);
    if (n->kids[0] != NULL) {
        visit_kids(c, s, n->kids[0], 0);
    }
    if (n->kids[1] != NULL) {
        visit_kids(c, s, n->kids[1], 0);
    }
    mt_scope_t *cs = scope_new(s, n, MT_SCOPE_CLASS, name);
    def_name(s, name);
    visit_block(c, cs, n->kids[2]);
}

static void visit_stmt(ctx_t *c, mt_scope_t *s, const mt_ast_t *n) {
    if (n == NULL) {
        return;
    }
    mt_stack_check();
    switch (n->kind) {
    case MT_AST_BLOCK: visit_block(c, s, n); break;
    case MT_AST_FUNCDEF: visit_funcdef(c, s, n); break;
    case MT_AST_CLASSDEF: visit_classdef(c, s, n); break;
    case MT_AST_DEL:
        for (size_t i = 0; i < n->n_kids; i++) {
            visit_target(c, s, n->kids[i]);
        }
        break;
    case MT_AST_ASSIGN:
        for (size_t i = 0; i + 1 < n->n_kids; i++) {
            visit_target(c, s, n->kids[i]);
        }
        visit_expr(c, s, n->kids[n->n_kids - 1]);
        break;
    case MT_AST_AUGASSIGN:
        if (n->kids[0]->kind == MT_AST_NAME) {
            add_id(s, MT_QSTR_VALUE(n->kids[0]->value), MT_ID_USE | MT_ID_DEF);
        } else {
            visit_expr(c, s, n->kids[0]);
        }
        visit_expr(c, s, n->kids[1]);
        break;
    case MT_AST_ANNASSIGN:
        if (n->kids[0]->kind == MT_AST_NAME) {
            def_name(s, MT_QSTR_VALUE(n->kids[0]->value));
        } else {
            visit_expr(c, s, n->kids[0]);
        }
        if (n->n_kids > 2) {
            visit_expr(c, s, n->kids[2]);
        }
        break;
    case MT_AST_FOR:
        visit_target(c, s, n->kids[0]);
        visit_expr(c, s, n->kids[1]);
        visit_block(c, s, n->kids[2]);
        if (n->n_kids > 3) {
            visit_block(c, s, n->kids[3]);
        }
        break;
    case MT_AST_WHILE:
    case MT_AST_IF:
        visit_expr(c, s, n->kids[0]);
        for (size_t i = 1; i < n->n_kids; i++) {
            visit_block(c, s, n->kids[i]);
        }
        break;
    case MT_AST_TRY:
        for (size_t i = 0; i < n->n_kids; i++) {
            if (i == 1 && n->kids[1] != NULL) {
                for (size_t j = 0; j < n->kids[1]->n_kids; j++) {
                    const mt_ast_t *h = n->kids[1]->kids[j];
                    visit_expr(c, s, h->kids[0]);
                    if (h->value != MT_NULL) {
                        def_name(s, MT_QSTR_VALUE(h->value));
                    }
                    visit_block(c, s, h->kids[1]);
                }
            } else {
                visit_block(c, s, n->kids[i]);
            }
        }
        break;
    case MT_AST_WITH:
        for (size_t i = 0; i + 1 < n->n_kids; i++) {
            const mt_ast_t *item = n->kids[i];
            visit_expr(c, s, item->kids[0]);
            if (item->n_kids > 1) {
                visit_target(c, s, item->kids[1]);
            }
        }
        visit_block(c, s, n->kids[n->n_kids - 1]);
        break;
    case MT_AST_GLOBAL:
    case MT_AST_NONLOCAL: visit_decl(c, s, n, n->kind == MT_AST_GLOBAL); break;
    case MT_AST_IMPORT:
        for (size_t i = 0; i < n->n_kids; i++) {
            const mt_ast_t *a = n->kids[i];
            def_name(s, a->aux ? a->aux : first_component(MT_QSTR_VALUE(a->value)));
        }
        break;
    case MT_AST_IMPORT_FROM:
        if (n->n_kids == 0 && s->kind != MT_SCOPE_MODULE) {
            mt_syntax_error(c->file, n->line, "import * only allowed at module level%s",
                            MT_QSTR_NULL);
        }
        for (size_t i = 0; i < n->n_kids; i++) {
            const mt_ast_t *a = n->kids[i];
            def_name(s, a->aux ? a->aux : MT_QSTR_VALUE(a->value));
        }
        break;
    default: visit_kids(c, s, n, 0); break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Resolution
 * ------------------------------------------------------------------------------------------- */

/* Is `name`, unbound in `from`, bound in an enclosing function scope (class scopes are
 * skipped, except that they hold the __class__ cell)? If so mark it CELL there and pass it
 * through the scopes in between. */
static bool find_free(mt_scope_t *from, mt_qstr_t name) {
    mt_scope_t *p;
    for (p = from->parent; p != NULL; p = p->parent) {
        if (p->kind == MT_SCOPE_CLASS) {
            if (name == MT_QSTR___class__) {
                p->has_class_cell = 1;
                mt_id_t *id = add_id(p, MT_QSTR___class__, 0);
                id->kind = MT_VAR_CELL;
                break;
            }
            continue;
        }
        if (p->kind == MT_SCOPE_MODULE) {
            return false;
        }
        mt_id_t *id = mt_scope_find(p, name);
        if (id == NULL) {
            continue;
        }
        if (id->kind == MT_VAR_LOCAL) {
            id->kind = MT_VAR_CELL;
            break;
        }
        if (id->kind == MT_VAR_CELL || id->kind == MT_VAR_FREE) {
            break;
        }
        if (id->kind == MT_VAR_GLOBAL) {
            return false;
        }
    }
    if (p == NULL) {
        return false;
    }
    for (mt_scope_t *q = from->parent; q != p; q = q->parent) {
        mt_id_t *id = mt_scope_find(q, name);
        if (id == NULL) {
            id = add_id(q, name, 0);
            id->kind = MT_VAR_FREE;
        } else if (id->kind != MT_VAR_FREE) {
            id->flags |= MT_ID_PASS; /* a class's own name of the same spelling */
        }
    }
    return true;
}

static void resolve(ctx_t *c, mt_scope_t *s) {
    bool fun = s->kind == MT_SCOPE_FUNCTION || s->kind == MT_SCOPE_COMP;
    for (size_t i = 0; i < s->n_ids; i++) {
        mt_id_t *id = &s->ids[i];
        if (id->kind != MT_VAR_UNRESOLVED) {
            continue;
        }
        uint8_t f = id->flags;
        if (f & MT_ID_GLOBAL) {
            id->kind = MT_VAR_GLOBAL;
        } else if (f & MT_ID_NONLOCAL) {
            mt_qstr_t q = id->name;
            size_t line = id->slot;
            if (!find_free(s, q)) {
                mt_syntax_error(c->file, line, "no binding for nonlocal '%s' found", q);
            }
            s->ids[i].kind = MT_VAR_FREE;
        } else if (s->kind == MT_SCOPE_MODULE) {
            id->kind = MT_VAR_NAME;
        } else if (f & (MT_ID_DEF | MT_ID_PARAM)) {
            id->kind = fun ? MT_VAR_LOCAL : MT_VAR_NAME;
        } else {
            mt_qstr_t q = id->name;
            bool found = find_free(s, q);
            s->ids[i].kind = found ? MT_VAR_FREE : fun ? MT_VAR_GLOBAL : MT_VAR_NAME;
        }
    }
    for (size_t i = 0; i < s->n_children; i++) {
        resolve(c, s->children[i]);
    }
}

static void assign_slots(mt_scope_t *s) {
    uint16_t slot = 0;
    if (s->kind != MT_SCOPE_MODULE) {
        for (size_t i = 0; i < s->n_ids; i++) {
            mt_id_t *id = &s->ids[i];
            if (id->kind == MT_VAR_LOCAL || id->kind == MT_VAR_CELL) {
                id->slot = slot++;
            }
        }
        for (size_t i = 0; i < s->n_ids; i++) {
            mt_id_t *id = &s->ids[i];
            if (id->kind == MT_VAR_FREE || (id->flags & MT_ID_PASS)) {
                id->slot = slot++;
                s->n_free++;
            }
        }
    }
    s->n_slots = slot;
    for (size_t i = 0; i < s->n_children; i++) {
        assign_slots(s->children[i]);
    }
}

mt_scope_t *mt_scope_analyse(const mt_ast_t *stmt, mt_qstr_t filename) {
    ctx_t c = {filename};
    mt_scope_t *m = scope_new(NULL, NULL, MT_SCOPE_MODULE, MT_QSTR_lt_module_gt);
    visit_stmt(&c, m, stmt);
    resolve(&c, m);
    assign_slots(m);
    return m;
}
