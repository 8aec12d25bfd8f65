/* The parser: tokens (core/lex.c) -> the parse tree of core/ast.h, one top-level statement per
 * mt_parse_next. Recursive descent over CPython 3.11's grammar. Binary operators are parsed
 * by precedence climbing and unary chains iteratively, so a nesting level costs few C frames.
 *
 * Nodes under construction sit on a node stack (a GC block reached from the parser) until
 * their parent takes them; popped slots are cleared so no finished statement stays reachable.
 * Optional children (`x?` in ast.h) always have their slot, NULL when absent. */
#include "lex.h"

#include "nlr.h"

#define TOK            (p->lx.kind)
#define TOK_LINE       (p->lx.tok_line)

#define FN_FUNC        1 /* the innermost scope is a function or lambda */
#define FN_ASYNC       2 /* ... an async function */

#define MAX_INTERN_LEN 16 /* string constants up to this long that look like names are interned */

typedef struct {
    mt_ast_t **items;
    size_t sp, alloc;
} node_stack_t;

enum { ST_START, ST_IN_LINE, ST_DONE };

struct mt_parser_s {
    mt_lexer_t lx;
    node_stack_t own;
    node_stack_t *ns;   /* own, or the outer parser's for an f-string field */
    mt_ast_t *pre_atom; /* an atom already parsed (a with-statement's parenthesised head) */
    uint8_t mode, state, fn;
    uint16_t loop;       /* enclosing loops in the current function */
    uint16_t func_depth; /* enclosing functions */
    uint32_t n_yield;    /* yield expressions parsed so far (comprehension checks) */
    uint32_t n_walrus;   /* and assignment expressions */
};

/* operator precedences for parse_prec, loosest first; P_TEST is a whole expression (lambda,
 * conditional) */
enum { P_TEST, P_OR, P_AND, P_NOT, P_CMP, P_BOR, P_BXOR, P_BAND, P_SHIFT, P_ARITH, P_TERM };

static mt_ast_t *parse_lambda(mt_parser_t *p);
static mt_ast_t *parse_named(mt_parser_t *p);
static mt_ast_t *parse_star_named(mt_parser_t *p);
static mt_ast_t *parse_prec(mt_parser_t *p, int min);
/* expression: lambda, or disjunction ['if' disjunction 'else' expression] (one C frame less
 * per nesting level than a function of its own: the chip's stack is small) */
static inline mt_ast_t *parse_test(mt_parser_t *p) {
    return parse_prec(p, P_TEST);
}
static mt_ast_t *parse_factor(mt_parser_t *p);
static mt_ast_t *parse_star_exprs(mt_parser_t *p, bool allow_star);
static mt_ast_t *parse_block(mt_parser_t *p, const char *what, uint32_t line);
static void parse_line(mt_parser_t *p);

/* ---- tokens and errors */

static void next(mt_parser_t *p) {
    mt_lex_next(&p->lx);
}

static bool accept(mt_parser_t *p, int kind) {
    if (TOK != kind) {
        return false;
    }
    next(p);
    return true;
}

MT_NORETURN static void error_at(mt_parser_t *p, uint32_t line, const char *msg) {
    mt_lex_error(&p->lx, line, "%s", msg);
}

MT_NORETURN static void syntax_error(mt_parser_t *p) {
    if (TOK == MT_TOK_INDENT) {
        mt_lex_raise(&p->lx, &mt_type_IndentationError, TOK_LINE, "unexpected indent");
    }
    /* as CPython: an error the lexer finds in the rest of the input (an unclosed bracket, an
     * unterminated string ...) explains more than "invalid syntax" does */
    uint32_t line = TOK_LINE, col = p->lx.tok_col;
    p->lx.scan_only = true;
    while (p->lx.kind != MT_TOK_END) {
        mt_lex_next(&p->lx);
    }
    p->lx.tok_line = line;
    p->lx.tok_col = col;
    error_at(p, line, "invalid syntax");
}

static void expect(mt_parser_t *p, int kind) {
    if (TOK != kind) {
        if (kind == MT_TOK_COLON) {
            error_at(p, TOK_LINE, "expected ':'");
        }
        syntax_error(p);
    }
    next(p);
}

static mt_obj_t expect_name(mt_parser_t *p) {
    if (TOK != MT_TOK_NAME) {
        syntax_error(p);
    }
    mt_obj_t name = p->lx.value;
    next(p);
    return name;
}

/* ---- nodes */

static mt_ast_t *node_new(int kind, uint32_t line, size_t n) {
    mt_ast_t *a = mt_alloc(sizeof(mt_ast_t) + n * sizeof(mt_ast_t *));
    a->kind = (uint8_t)kind;
    a->line = line;
    a->n_kids = (uint16_t)n;
    return a;
}

static mt_ast_t *node1(int kind, uint32_t line, mt_ast_t *k0) {
    mt_ast_t *a = node_new(kind, line, 1);
    a->kids[0] = k0;
    return a;
}

static mt_ast_t *node2(int kind, uint32_t line, mt_ast_t *k0, mt_ast_t *k1) {
    mt_ast_t *a = node_new(kind, line, 2);
    a->kids[0] = k0;
    a->kids[1] = k1;
    return a;
}

static mt_ast_t *node3(int kind, uint32_t line, mt_ast_t *k0, mt_ast_t *k1, mt_ast_t *k2) {
    mt_ast_t *a = node_new(kind, line, 3);
    a->kids[0] = k0;
    a->kids[1] = k1;
    a->kids[2] = k2;
    return a;
}

static mt_ast_t *value_node(int kind, uint32_t line, mt_obj_t value) {
    mt_ast_t *a = node_new(kind, line, 0);
    a->value = value;
    return a;
}

static size_t mark(mt_parser_t *p) {
    return p->ns->sp;
}

static void push(mt_parser_t *p, mt_ast_t *a) {
    node_stack_t *s = p->ns;
    if (s->sp == s->alloc) {
        size_t n = s->alloc * 2;
        s->items = mt_realloc(s->items, n * sizeof(mt_ast_t *));
        s->alloc = n;
    }
    s->items[s->sp++] = a;
}

/* a node whose kids are the stack's items from base up; they are popped */
static mt_ast_t *pop_node(mt_parser_t *p, int kind, uint32_t line, size_t base) {
    node_stack_t *s = p->ns;
    size_t n = s->sp - base;
    if (n > 0xffff) {
        error_at(p, line, "too many items");
    }
    mt_ast_t *a = node_new(kind, line, n);
    memcpy(a->kids, s->items + base, n * sizeof(mt_ast_t *));
    memset(s->items + base, 0, n * sizeof(mt_ast_t *));
    s->sp = base;
    return a;
}

/* ---- target validation */

enum { CTX_ASSIGN, CTX_STORE, CTX_DEL };

/* how CPython names an expression that cannot be a target */
static const char *describe(const mt_ast_t *a) {
    switch (a->kind) {
    case MT_AST_CONST:
        return a->value == MT_NONE       ? "None"
               : a->value == MT_TRUE     ? "True"
               : a->value == MT_FALSE    ? "False"
               : a->value == MT_ELLIPSIS ? "ellipsis"
                                         : "literal";
    case MT_AST_CALL: return "function call";
    case MT_AST_COMPARE: return "comparison";
    case MT_AST_IFEXP: return "conditional expression";
    case MT_AST_LAMBDA: return "lambda";
    case MT_AST_NAMEDEXPR: return "named expression";
    case MT_AST_YIELD:
    case MT_AST_YIELD_FROM: return "yield expression";
    case MT_AST_AWAIT: return "await expression";
    case MT_AST_DICT: return "dict literal";
    case MT_AST_SET: return "set display";
    case MT_AST_LISTCOMP: return "list comprehension";
    case MT_AST_SETCOMP: return "set comprehension";
    case MT_AST_DICTCOMP: return "dict comprehension";
    case MT_AST_GENEXP: return "generator expression";
    case MT_AST_FSTRING: return "f-string expression";
    case MT_AST_TUPLE: return "tuple";
    case MT_AST_LIST: return "list";
    case MT_AST_STARRED: return "starred";
    default: return "expression";
    }
}

MT_NORETURN static void bad_target(mt_parser_t *p, const mt_ast_t *a, int ctx) {
    const char *what = describe(a);
    bool hint = ctx == CTX_ASSIGN && a->kind != MT_AST_COMPARE && a->kind != MT_AST_IFEXP &&
                a->kind != MT_AST_LAMBDA && a->kind != MT_AST_BOOLOP &&
                !(a->kind == MT_AST_UNARYOP && a->op == MT_UNOP_NOT) &&
                !(a->kind == MT_AST_CONST && MT_IS_SPECIAL(a->value));
    mt_lex_error(&p->lx, a->line, "cannot %s %s%s", ctx == CTX_DEL ? "delete" : "assign to", what,
                 hint ? " here. Maybe you meant '==' instead of '='?" : "");
}

static void check_target(mt_parser_t *p, const mt_ast_t *a, int ctx) {
    switch (a->kind) {
    case MT_AST_NAME:
        if (a->value == MT_NEW_QSTR(MT_QSTR___debug__)) {
            error_at(p, a->line,
                     ctx == CTX_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
        }
        return;
    case MT_AST_ATTR:
    case MT_AST_SUBSCR: return;
    case MT_AST_TUPLE:
    case MT_AST_LIST: {
        unsigned n_star = 0;
        for (size_t i = 0; i < a->n_kids; i++) {
            const mt_ast_t *k = a->kids[i];
            if (k->kind == MT_AST_STARRED) {
                if (ctx == CTX_DEL) {
                    error_at(p, k->line, "cannot delete starred");
                }
                if (++n_star > 1) {
                    error_at(p, k->line, "multiple starred expressions in assignment");
                }
                k = k->kids[0];
            }
            check_target(p, k, ctx);
        }
        return;
    }
    case MT_AST_STARRED:
        if (ctx != CTX_DEL) {
            error_at(p, a->line, "starred assignment target must be in a list or tuple");
        }
        error_at(p, a->line, "cannot delete starred");
    default: bad_target(p, a, ctx);
    }
}

static void check_aug_target(mt_parser_t *p, const mt_ast_t *a) {
    if (a->kind == MT_AST_NAME || a->kind == MT_AST_ATTR || a->kind == MT_AST_SUBSCR) {
        check_target(p, a, CTX_STORE);
        return;
    }
    mt_lex_error(&p->lx, a->line, "'%s' is an illegal expression for augmented assignment",
                 describe(a));
}

/* a starred expression alone where a value is needed */
static void check_value(mt_parser_t *p, const mt_ast_t *a) {
    if (a && a->kind == MT_AST_STARRED) {
        error_at(p, a->line, "can't use starred expression here");
    }
}

/* ---- strings and f-strings */

static bool is_name_like(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_')) {
            return false;
        }
    }
    return true;
}

static mt_obj_t str_const(const char *s, size_t n) {
    if (n <= MAX_INTERN_LEN && is_name_like(s, n)) {
        return mt_str_intern(s, n);
    }
    return mt_str_new(s, n);
}

/* the literal text gathered so far becomes a CONST part */
static void flush_literal(mt_parser_t *p, mt_vstr_t *acc, uint32_t line) {
    if (acc->len > 0) {
        push(p, value_node(MT_AST_CONST, line, str_const(acc->buf, acc->len)));
        acc->len = 0;
    }
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

static uint32_t line_at(const char *s, size_t i, uint32_t line) {
    for (size_t k = 0; k < i; k++) {
        line += s[k] == '\n';
    }
    return line;
}

/* parse the text of an f-string field as an expression: "(" text ")" by a sub-parser */
static mt_ast_t *fstring_expr(mt_parser_t *p, const char *s, size_t n, uint32_t line) {
    char *buf = mt_alloc(n + 2);
    buf[0] = '(';
    memcpy(buf + 1, s, n);
    buf[n + 1] = ')';
    mt_reader_t r;
    mt_reader_new_mem(&r, buf, n + 2);
    mt_parser_t sub;
    memset(&sub, 0, sizeof(sub));
    sub.ns = p->ns;
    sub.mode = MT_PARSE_EVAL;
    sub.fn = p->fn;
    sub.loop = p->loop;
    sub.func_depth = p->func_depth;
    mt_lex_init(&sub.lx, &r, p->lx.filename, line, MT_LEX_NO_INDENT);
    mt_ast_t *e = parse_test(&sub);
    if (sub.lx.kind != MT_TOK_NEWLINE) {
        syntax_error(&sub);
    }
    p->n_yield += sub.n_yield;
    p->n_walrus += sub.n_walrus;
    return e;
}

static void fstring_parts(mt_parser_t *p, const char *s, size_t n, size_t *pi, mt_vstr_t *acc,
                          uint32_t line, bool raw, int level);

/* the end of a field's expression: at '}', '!', ':' or '=' outside brackets and strings */
static size_t fstring_expr_end(mt_parser_t *p, const char *s, size_t n, size_t i, uint32_t line) {
    int depth = 0;
    char quote = 0;
    bool triple = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\\') {
            error_at(p, line, "f-string expression part cannot include a backslash");
        }
        if (quote) {
            if (c == quote && (!triple || (i + 2 < n && s[i + 1] == c && s[i + 2] == c))) {
                i += triple ? 2 : 0;
                quote = 0;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 2 : 0;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}') {
                    break;
                }
                mt_lex_error(&p->lx, line, "f-string: unmatched '%c'", c);
            }
            depth--;
        } else if (c == '#') {
            error_at(p, line, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (c == '!' || c == ':' || c == '=' || c == '<' || c == '>')) {
            if (c != ':' && i + 1 < n && s[i + 1] == '=') {
                i++; /* != == <= >= */
            } else if (c != '<' && c != '>') {
                break;
            }
        }
    }
    if (quote) {
        error_at(p, line, "f-string: unterminated string");
    }
    if (i >= n) {
        error_at(p, line, "f-string: expecting '}'");
    }
    return i;
}

/* one {field} of an f-string; i is just after the '{'. Returns the index after the '}'. */
static size_t fstring_field(mt_parser_t *p, const char *s, size_t n, size_t i, mt_vstr_t *acc,
                            uint32_t line, bool raw, int level) {
    if (level >= 2) {
        error_at(p, line, "f-string: expressions nested too deeply");
    }
    size_t start = i;
    uint32_t eline = line_at(s, start, line);
    i = fstring_expr_end(p, s, n, i, eline);
    size_t end = i;
    size_t k = start;
    while (k < end && is_space(s[k])) {
        k++;
    }
    if (k == end) {
        error_at(p, eline, "f-string: empty expression not allowed");
    }
    size_t doc_end = 0; /* `{expr=}`: the text shown before the value */
    if (s[i] == '=') {
        for (i++; i < n && is_space(s[i]); i++) {
        }
        doc_end = i;
    }
    int conv = 0;
    if (i < n && s[i] == '!') {
        conv = ++i < n ? s[i++] : 0;
        if (conv != 'r' && conv != 's' && conv != 'a') {
            error_at(p, eline, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
    }
    mt_ast_t *spec = NULL;
    if (i < n && s[i] == ':') {
        i++;
        size_t base = mark(p);
        mt_vstr_t sacc;
        mt_vstr_init(&sacc, 8);
        fstring_parts(p, s, n, &i, &sacc, line, raw, level + 1);
        flush_literal(p, &sacc, eline);
        if (mark(p) > base) {
            spec = pop_node(p, MT_AST_FSTRING, eline, base);
        }
    }
    if (i >= n || s[i] != '}') {
        error_at(p, eline, "f-string: expecting '}'");
    }
    if (doc_end) {
        mt_vstr_add_strn(acc, s + start, doc_end - start);
        if (!conv && !spec) {
            conv = 'r';
        }
    }
    flush_literal(p, acc, line);
    mt_ast_t *e = fstring_expr(p, s + start, end - start, eline);
    mt_ast_t *f = node2(MT_AST_FORMATTED, eline, e, spec);
    f->op = (uint8_t)conv;
    push(p, f);
    return i + 1;
}

/* decode the escapes of acc's bytes from seg on (the current literal run) */
static void decode_tail(mt_parser_t *p, mt_vstr_t *acc, size_t seg, bool raw, uint32_t line) {
    if (!raw) {
        acc->len = seg + mt_lex_decode_escapes(&p->lx, acc->buf + seg, acc->len - seg, false, line);
    }
}

/* literal text and {fields} of s[*pi..] up to the end or, in a format spec (level > 0), the
 * '}' closing it. Literal text accumulates in acc; fields flush it and push FORMATTED nodes. */
static void fstring_parts(mt_parser_t *p, const char *s, size_t n, size_t *pi, mt_vstr_t *acc,
                          uint32_t line, bool raw, int level) {
    size_t i = *pi, seg = acc->len;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && !raw) {
            mt_vstr_add_byte(acc, '\\');
            if (++i < n && s[i] != '{' && s[i] != '}') {
                bool named = s[i] == 'N' && i + 1 < n && s[i + 1] == '{';
                mt_vstr_add_byte(acc, (uint8_t)s[i++]);
                while (named && i < n) {
                    named = s[i] != '}';
                    mt_vstr_add_byte(acc, (uint8_t)s[i++]);
                }
            }
        } else if (c == '{' && i + 1 < n && s[i + 1] == '{') {
            mt_vstr_add_byte(acc, '{');
            i += 2;
        } else if (c == '{') {
            decode_tail(p, acc, seg, raw, line);
            i = fstring_field(p, s, n, i + 1, acc, line, raw, level);
            seg = acc->len;
        } else if (c == '}' && level > 0) {
            break;
        } else if (c == '}') {
            if (i + 1 >= n || s[i + 1] != '}') {
                error_at(p, line, "f-string: single '}' is not allowed");
            }
            mt_vstr_add_byte(acc, '}');
            i += 2;
        } else {
            mt_vstr_add_byte(acc, (uint8_t)c);
            i++;
        }
    }
    decode_tail(p, acc, seg, raw, line);
    *pi = i;
}

/* adjacent string literals, concatenated: a CONST, or an FSTRING if any is an f-string with
 * fields */
static mt_ast_t *parse_strings(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    bool is_bytes = (p->lx.str_flags & MT_STR_BYTES) != 0;
    size_t base = mark(p);
    mt_vstr_t acc;
    mt_vstr_init(&acc, p->lx.text.len + 1);
    while (TOK == MT_TOK_STRING) {
        int f = p->lx.str_flags;
        if (((f & MT_STR_BYTES) != 0) != is_bytes) {
            error_at(p, TOK_LINE, "cannot mix bytes and nonbytes literals");
        }
        if (f & MT_STR_F) {
            size_t i = 0;
            fstring_parts(p, p->lx.text.buf, p->lx.text.len, &i, &acc, TOK_LINE,
                          (f & MT_STR_RAW) != 0, 0);
        } else {
            mt_vstr_add_strn(&acc, p->lx.text.buf, p->lx.text.len);
        }
        next(p);
    }
    if (mark(p) > base) {
        flush_literal(p, &acc, line);
        return pop_node(p, MT_AST_FSTRING, line, base);
    }
    mt_obj_t v;
    if (is_bytes) {
        v = mt_bytes_new_from_vstr(&acc);
    } else if (acc.len <= MAX_INTERN_LEN && is_name_like(acc.buf, acc.len)) {
        v = mt_str_intern(acc.buf, acc.len);
    } else {
        v = mt_str_new_from_vstr(&acc);
    }
    return value_node(MT_AST_CONST, line, v);
}

/* ---- atoms */

static bool starts_expr(int k) {
    switch (k) {
    case MT_TOK_NAME:
    case MT_TOK_NUMBER:
    case MT_TOK_STRING:
    case MT_TOK_LPAREN:
    case MT_TOK_LBRACKET:
    case MT_TOK_LBRACE:
    case MT_TOK_MINUS:
    case MT_TOK_PLUS:
    case MT_TOK_TILDE:
    case MT_TOK_STAR:
    case MT_TOK_ELLIPSIS:
    case MT_TOK_KW_None:
    case MT_TOK_KW_True:
    case MT_TOK_KW_False:
    case MT_TOK_KW_not:
    case MT_TOK_KW_lambda:
    case MT_TOK_KW_await: return true;
    default: return false;
    }
}

static bool is_comp_start(int k) {
    return k == MT_TOK_KW_for || k == MT_TOK_KW_async;
}

static mt_ast_t *parse_yield(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    if (!(p->fn & FN_FUNC)) {
        error_at(p, line, "'yield' outside function");
    }
    next(p);
    p->n_yield++;
    if (accept(p, MT_TOK_KW_from)) {
        if (p->fn & FN_ASYNC) {
            error_at(p, line, "'yield from' inside async function");
        }
        return node1(MT_AST_YIELD_FROM, line, parse_test(p));
    }
    mt_ast_t *v = starts_expr(TOK) ? parse_star_exprs(p, true) : NULL;
    check_value(p, v);
    return node1(MT_AST_YIELD, line, v);
}

/* a `for`/`del` target item: '*' bitwise_or | bitwise_or */
static mt_ast_t *target_item(mt_parser_t *p) {
    if (TOK == MT_TOK_STAR) {
        uint32_t line = TOK_LINE;
        next(p);
        return node1(MT_AST_STARRED, line, parse_prec(p, P_BOR));
    }
    return parse_prec(p, P_BOR);
}

/* target items separated by commas: one item, or a TUPLE */
static mt_ast_t *parse_target_list(mt_parser_t *p) {
    uint32_t start = TOK_LINE;
    mt_ast_t *first = target_item(p);
    if (TOK != MT_TOK_COMMA) {
        return first;
    }
    size_t base = mark(p);
    push(p, first);
    while (accept(p, MT_TOK_COMMA) && starts_expr(TOK)) {
        push(p, target_item(p));
    }
    return pop_node(p, MT_AST_TUPLE, start, base);
}

MT_NORETURN static void yield_in_comp(mt_parser_t *p, int kind, uint32_t line) {
    mt_lex_error(&p->lx, line, "'yield' inside %s",
                 kind == MT_AST_LISTCOMP   ? "list comprehension"
                 : kind == MT_AST_SETCOMP  ? "set comprehension"
                 : kind == MT_AST_DICTCOMP ? "dict comprehension"
                                           : "generator expression");
}

/* the for/if clauses after the element(s) already at stack[base..]; y0: n_yield before the
 * element */
static mt_ast_t *parse_comp(mt_parser_t *p, int kind, uint32_t line, size_t base, uint32_t y0) {
    mt_ast_t *elt = p->ns->items[base];
    if (elt && elt->kind == MT_AST_STARRED) {
        error_at(p, elt->line, "iterable unpacking cannot be used in comprehension");
    }
    if (p->n_yield != y0) {
        yield_in_comp(p, kind, line);
    }
    uint32_t y1 = 0;
    bool first = true;
    while (is_comp_start(TOK)) {
        uint32_t fline = TOK_LINE;
        bool is_async = accept(p, MT_TOK_KW_async);
        if (is_async && kind != MT_AST_GENEXP && !(p->fn & FN_ASYNC)) {
            error_at(p, fline, "asynchronous comprehension outside of an asynchronous function");
        }
        expect(p, MT_TOK_KW_for);
        mt_ast_t *t = parse_target_list(p);
        check_target(p, t, CTX_STORE);
        expect(p, MT_TOK_KW_in);
        mt_ast_t *f = node2(MT_AST_COMP_FOR, fline, t, NULL);
        f->op = is_async;
        push(p, f);
        uint32_t w0 = p->n_walrus;
        f->kids[1] = parse_prec(p, P_OR);
        if (p->n_walrus != w0) {
            error_at(p, fline,
                     "assignment expression cannot be used in a comprehension iterable expression");
        }
        if (first) {
            y1 = p->n_yield;
            first = false;
        }
        while (TOK == MT_TOK_KW_if) {
            uint32_t iline = TOK_LINE;
            next(p);
            push(p, node1(MT_AST_COMP_IF, iline, parse_prec(p, P_OR)));
        }
    }
    if (p->n_yield != y1) {
        yield_in_comp(p, kind, line);
    }
    return pop_node(p, kind, line, base);
}

/* items of a display after the first (already at stack[base]), up to the closing token */
static mt_ast_t *parse_items(mt_parser_t *p, int kind, uint32_t line, size_t base, int close) {
    while (accept(p, MT_TOK_COMMA) && TOK != close) {
        push(p, parse_star_named(p));
    }
    expect(p, close);
    return pop_node(p, kind, line, base);
}

/* ( ... ): tuple, parenthesised expression, generator expression or yield */
static mt_ast_t *parse_paren(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    if (accept(p, MT_TOK_RPAREN)) {
        return node_new(MT_AST_TUPLE, line, 0);
    }
    if (TOK == MT_TOK_KW_yield) {
        mt_ast_t *y = parse_yield(p);
        expect(p, MT_TOK_RPAREN);
        return y;
    }
    uint32_t y0 = p->n_yield;
    size_t base = mark(p);
    mt_ast_t *first = parse_star_named(p);
    push(p, first);
    if (is_comp_start(TOK)) {
        mt_ast_t *g = parse_comp(p, MT_AST_GENEXP, line, base, y0);
        expect(p, MT_TOK_RPAREN);
        return g;
    }
    if (TOK == MT_TOK_COMMA) {
        return parse_items(p, MT_AST_TUPLE, line, base, MT_TOK_RPAREN);
    }
    expect(p, MT_TOK_RPAREN);
    p->ns->items[--p->ns->sp] = NULL;
    if (first->kind == MT_AST_STARRED) {
        error_at(p, first->line, "cannot use starred expression here");
    }
    return first;
}

static mt_ast_t *parse_list(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    size_t base = mark(p);
    if (accept(p, MT_TOK_RBRACKET)) {
        return node_new(MT_AST_LIST, line, 0);
    }
    uint32_t y0 = p->n_yield;
    push(p, parse_star_named(p));
    if (is_comp_start(TOK)) {
        mt_ast_t *c = parse_comp(p, MT_AST_LISTCOMP, line, base, y0);
        expect(p, MT_TOK_RBRACKET);
        return c;
    }
    return parse_items(p, MT_AST_LIST, line, base, MT_TOK_RBRACKET);
}

/* `**m` in a dict display: DOUBLESTAR then an absent value */
static void push_dict_unpack(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    push(p, node1(MT_AST_DOUBLESTAR, line, parse_prec(p, P_BOR)));
    push(p, NULL);
}

static mt_ast_t *parse_dict_rest(mt_parser_t *p, uint32_t line, size_t base) {
    while (accept(p, MT_TOK_COMMA) && TOK != MT_TOK_RBRACE) {
        if (TOK == MT_TOK_DSTAR) {
            push_dict_unpack(p);
        } else {
            push(p, parse_test(p));
            expect(p, MT_TOK_COLON);
            push(p, parse_test(p));
        }
    }
    expect(p, MT_TOK_RBRACE);
    return pop_node(p, MT_AST_DICT, line, base);
}

/* { ... }: dict, set, or their comprehensions */
static mt_ast_t *parse_brace(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    size_t base = mark(p);
    if (accept(p, MT_TOK_RBRACE)) {
        return node_new(MT_AST_DICT, line, 0);
    }
    if (TOK == MT_TOK_DSTAR) {
        push_dict_unpack(p);
        return parse_dict_rest(p, line, base);
    }
    uint32_t y0 = p->n_yield;
    mt_ast_t *first = parse_star_named(p);
    push(p, first);
    int kind = MT_AST_SETCOMP;
    if (TOK == MT_TOK_COLON && first->kind != MT_AST_STARRED) {
        next(p);
        push(p, parse_test(p));
        if (!is_comp_start(TOK)) {
            return parse_dict_rest(p, line, base);
        }
        kind = MT_AST_DICTCOMP;
    }
    if (is_comp_start(TOK)) {
        mt_ast_t *c = parse_comp(p, kind, line, base, y0);
        expect(p, MT_TOK_RBRACE);
        return c;
    }
    return parse_items(p, MT_AST_SET, line, base, MT_TOK_RBRACE);
}

static mt_ast_t *parse_atom(mt_parser_t *p) {
    if (p->pre_atom) {
        mt_ast_t *a = p->pre_atom;
        p->pre_atom = NULL;
        return a;
    }
    uint32_t line = TOK_LINE;
    mt_obj_t v;
    switch (TOK) {
    case MT_TOK_NAME:
    case MT_TOK_NUMBER: {
        mt_ast_t *a =
            value_node(TOK == MT_TOK_NAME ? MT_AST_NAME : MT_AST_CONST, line, p->lx.value);
        next(p);
        return a;
    }
    case MT_TOK_STRING: return parse_strings(p);
    case MT_TOK_LPAREN: return parse_paren(p);
    case MT_TOK_LBRACKET: return parse_list(p);
    case MT_TOK_LBRACE: return parse_brace(p);
    case MT_TOK_KW_None: v = MT_NONE; break;
    case MT_TOK_KW_True: v = MT_TRUE; break;
    case MT_TOK_KW_False: v = MT_FALSE; break;
    case MT_TOK_ELLIPSIS: v = MT_ELLIPSIS; break;
    default: syntax_error(p);
    }
    next(p);
    return value_node(MT_AST_CONST, line, v);
}

/* ---- calls, subscripts, primaries */

static void check_keyword(mt_parser_t *p, const mt_ast_t *e, int first_tok, size_t base) {
    if (e->kind != MT_AST_NAME || first_tok != MT_TOK_NAME) {
        if (e->kind == MT_AST_CONST && MT_IS_SPECIAL(e->value)) {
            mt_lex_error(&p->lx, e->line, "cannot assign to %s", describe(e));
        }
        error_at(p, e->line, "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    for (size_t i = base; i < p->ns->sp; i++) {
        const mt_ast_t *k = p->ns->items[i];
        if (k->kind == MT_AST_KEYWORD && k->value == e->value) {
            mt_lex_error(&p->lx, e->line, "keyword argument repeated: %q", MT_QSTR_VALUE(e->value));
        }
    }
}

/* call arguments up to ')', pushed (exprs, STARRED, KEYWORD, DOUBLESTAR) in source order;
 * base: where they start on the stack */
static void parse_args(mt_parser_t *p, size_t base, uint32_t line, bool allow_genexp) {
    bool seen_kw = false, seen_dstar = false;
    while (TOK != MT_TOK_RPAREN) {
        uint32_t aline = TOK_LINE;
        if (accept(p, MT_TOK_STAR)) {
            if (seen_dstar) {
                error_at(p, aline,
                         "iterable argument unpacking follows keyword argument unpacking");
            }
            push(p, node1(MT_AST_STARRED, aline, parse_test(p)));
        } else if (accept(p, MT_TOK_DSTAR)) {
            push(p, node1(MT_AST_DOUBLESTAR, aline, parse_test(p)));
            seen_dstar = true;
        } else {
            int first_tok = TOK;
            uint32_t y0 = p->n_yield;
            mt_ast_t *e = parse_named(p);
            if (TOK == MT_TOK_ASSIGN) {
                check_keyword(p, e, first_tok, base);
                next(p);
                mt_ast_t *k = node1(MT_AST_KEYWORD, aline, parse_test(p));
                k->value = e->value;
                push(p, k);
                seen_kw = true;
            } else if (is_comp_start(TOK)) {
                size_t gbase = mark(p);
                push(p, e);
                mt_ast_t *g = parse_comp(p, MT_AST_GENEXP, line, gbase, y0);
                if (!allow_genexp || gbase != base || TOK != MT_TOK_RPAREN) {
                    error_at(p, g->line, "Generator expression must be parenthesized");
                }
                push(p, g);
            } else {
                if (seen_dstar) {
                    error_at(p, aline, "positional argument follows keyword argument unpacking");
                }
                if (seen_kw) {
                    error_at(p, aline, "positional argument follows keyword argument");
                }
                push(p, e);
            }
        }
        if (!accept(p, MT_TOK_COMMA)) {
            break;
        }
    }
    expect(p, MT_TOK_RPAREN);
}

/* one subscript item: expression, slice, or starred */
static mt_ast_t *parse_slice_item(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    if (accept(p, MT_TOK_STAR)) {
        return node1(MT_AST_STARRED, line, parse_prec(p, P_BOR));
    }
    mt_ast_t *lower = TOK == MT_TOK_COLON ? NULL : parse_named(p);
    if (!accept(p, MT_TOK_COLON)) {
        return lower;
    }
    mt_ast_t *s = node3(MT_AST_SLICE, line, lower, NULL, NULL);
    if (TOK != MT_TOK_COLON && TOK != MT_TOK_COMMA && TOK != MT_TOK_RBRACKET) {
        s->kids[1] = parse_test(p);
    }
    if (accept(p, MT_TOK_COLON) && TOK != MT_TOK_COMMA && TOK != MT_TOK_RBRACKET) {
        s->kids[2] = parse_test(p);
    }
    return s;
}

static mt_ast_t *parse_subscript(mt_parser_t *p, mt_ast_t *obj, uint32_t line) {
    size_t base = mark(p);
    push(p, obj);
    mt_ast_t *index = parse_slice_item(p);
    if (TOK == MT_TOK_COMMA || index->kind == MT_AST_STARRED) {
        size_t ibase = mark(p);
        push(p, index);
        while (accept(p, MT_TOK_COMMA) && TOK != MT_TOK_RBRACKET) {
            push(p, parse_slice_item(p));
        }
        index = pop_node(p, MT_AST_TUPLE, index->line, ibase);
    }
    expect(p, MT_TOK_RBRACKET);
    push(p, index);
    return pop_node(p, MT_AST_SUBSCR, line, base);
}

/* atom followed by calls, subscripts and attributes */
static mt_ast_t *parse_primary(mt_parser_t *p) {
    uint32_t start = TOK_LINE;
    mt_ast_t *e = parse_atom(p);
    for (;;) {
        uint32_t line = TOK_LINE;
        if (accept(p, MT_TOK_LPAREN)) {
            size_t base = mark(p);
            push(p, e);
            parse_args(p, base + 1, line, true);
            e = pop_node(p, MT_AST_CALL, start, base);
        } else if (accept(p, MT_TOK_LBRACKET)) {
            e = parse_subscript(p, e, start);
        } else if (accept(p, MT_TOK_DOT)) {
            mt_obj_t name = expect_name(p);
            e = node1(MT_AST_ATTR, start, e);
            e->value = name;
        } else {
            return e;
        }
    }
}

/* ---- operators */

static void check_await(mt_parser_t *p, uint32_t line) {
    if (!(p->fn & FN_FUNC)) {
        error_at(p, line, "'await' outside function");
    }
    if (!(p->fn & FN_ASYNC)) {
        error_at(p, line, "'await' outside async function");
    }
}

/* ---- constant folding: small-int arithmetic is done here, as MicroPython does, so that
 * `-1`, `1 << 4` or `0xff & ~MASK`-style constants cost no nodes and no run time. Only results
 * that stay small ints are folded; anything that could raise is left to run time. */

static bool is_small_int_const(const mt_ast_t *a) {
    return a->kind == MT_AST_CONST && MT_IS_SMALL_INT(a->value);
}

/* x ** y for y >= 0; false on overflow */
static bool int_pow(mt_int_t x, mt_int_t y, mt_int_t *z) {
    if (x == 0 || x == 1 || x == -1) {
        *z = x == 0 ? (y == 0) : (x == 1 || !(y & 1)) ? 1 : -1;
        return true;
    }
    if (y >= 64) {
        return false;
    }
    mt_int_t r = 1;
    for (; y > 0; y--) {
        if (__builtin_mul_overflow(r, x, &r) || !MT_SMALL_INT_FITS(r)) {
            return false;
        }
    }
    *z = r;
    return true;
}

static bool int_binop(int op, mt_int_t x, mt_int_t y, mt_int_t *z) {
    switch (op) {
    case MT_BINOP_ADD: *z = x + y; return true;
    case MT_BINOP_SUB: *z = x - y; return true;
    case MT_BINOP_MUL: return !__builtin_mul_overflow(x, y, z);
    case MT_BINOP_FLOORDIV:
        if (y == 0) {
            return false;
        }
        *z = x / y - ((x % y != 0) && ((x < 0) != (y < 0)));
        return true;
    case MT_BINOP_MOD:
        if (y == 0) {
            return false;
        }
        *z = x % y;
        *z += (*z != 0 && ((*z < 0) != (y < 0))) ? y : 0;
        return true;
    case MT_BINOP_POW: return y >= 0 && int_pow(x, y, z);
    case MT_BINOP_LSHIFT:
        return y >= 0 && y < (mt_int_t)(sizeof(mt_int_t) * 8 - 2) &&
               !__builtin_mul_overflow(x, (mt_int_t)1 << y, z);
    case MT_BINOP_RSHIFT:
        if (y < 0) {
            return false;
        }
        *z = y >= (mt_int_t)(sizeof(mt_int_t) * 8) ? (x < 0 ? -1 : 0) : x >> y;
        return true;
    case MT_BINOP_AND: *z = x & y; return true;
    case MT_BINOP_OR: *z = x | y; return true;
    case MT_BINOP_XOR: *z = x ^ y; return true;
    default: return false;
    }
}

/* BINOP b with two small-int constants: a CONST (b's left operand node, reused) */
static mt_ast_t *fold_binop(mt_ast_t *b) {
    mt_ast_t *l = b->kids[0], *r = b->kids[1];
    mt_int_t z;
    if (!is_small_int_const(l) || !is_small_int_const(r) ||
        !int_binop(b->op, MT_SMALL_INT_VALUE(l->value), MT_SMALL_INT_VALUE(r->value), &z) ||
        !MT_SMALL_INT_FITS(z)) {
        return b;
    }
    l->value = MT_NEW_SMALL_INT(z);
    l->line = b->line;
    return l;
}

/* a chain of unary + - ~ (outermost first) over a small-int constant: each is v -> s*v + c
 * with s = +-1, so the chain composes into one such map */
static mt_ast_t *fold_unary_chain(mt_ast_t *first, mt_ast_t *operand) {
    if (!is_small_int_const(operand)) {
        return first;
    }
    mt_int_t s = 1, c = 0;
    for (mt_ast_t *u = first; u != operand; u = u->kids[0]) {
        if (u->op == MT_UNOP_INVERT) {
            c -= s;
        }
        if (u->op != MT_UNOP_POS) {
            s = -s;
        }
    }
    mt_int_t z = s * MT_SMALL_INT_VALUE(operand->value) + c;
    if (!MT_SMALL_INT_FITS(z)) {
        return first;
    }
    operand->value = MT_NEW_SMALL_INT(z);
    operand->line = first->line;
    return operand;
}

/* await? primary ('**' factor)? */
static mt_ast_t *parse_power(mt_parser_t *p) {
    uint32_t start = TOK_LINE;
    mt_ast_t *e;
    if (TOK == MT_TOK_KW_await && !p->pre_atom) {
        uint32_t line = TOK_LINE;
        check_await(p, line);
        next(p);
        e = node1(MT_AST_AWAIT, line, parse_primary(p));
    } else {
        e = parse_primary(p);
    }
    if (accept(p, MT_TOK_DSTAR)) {
        e = node2(MT_AST_BINOP, start, e, NULL);
        e->op = MT_BINOP_POW;
        e->kids[1] = parse_factor(p);
        e = fold_binop(e);
    }
    return e;
}

static int unary_op(int k) {
    return k == MT_TOK_MINUS   ? MT_UNOP_NEG
           : k == MT_TOK_PLUS  ? MT_UNOP_POS
           : k == MT_TOK_TILDE ? MT_UNOP_INVERT
                               : -1;
}

/* ('+' | '-' | '~')* power; the chain is built iteratively */
static mt_ast_t *parse_factor(mt_parser_t *p) {
    mt_stack_check();
    mt_ast_t *first = NULL, *last = NULL;
    int op;
    while (!p->pre_atom && (op = unary_op(TOK)) >= 0) {
        mt_ast_t *u = node1(MT_AST_UNARYOP, TOK_LINE, NULL);
        u->op = (uint8_t)op;
        if (last) {
            last->kids[0] = u;
        } else {
            first = u;
        }
        last = u;
        next(p);
    }
    mt_ast_t *e = parse_power(p);
    if (!last) {
        return e;
    }
    last->kids[0] = e;
    return fold_unary_chain(first, e);
}

/* token -> binary operator, for + - * / // % ** << >> & | ^ @ and their augmented forms */
static const uint8_t tok_binops[] = {MT_BINOP_ADD,     MT_BINOP_SUB,      MT_BINOP_MUL,
                                     MT_BINOP_TRUEDIV, MT_BINOP_FLOORDIV, MT_BINOP_MOD,
                                     MT_BINOP_POW,     MT_BINOP_LSHIFT,   MT_BINOP_RSHIFT,
                                     MT_BINOP_AND,     MT_BINOP_OR,       MT_BINOP_XOR};

static int tok_binop(int k) {
    if (k == MT_TOK_AT || k == MT_TOK_AT_EQ) {
        return MT_BINOP_MATMUL;
    }
    return tok_binops[(k - MT_TOK_PLUS) / 2];
}

static int tok_prec(int k) {
    switch (k) {
    case MT_TOK_KW_or: return P_OR;
    case MT_TOK_KW_and: return P_AND;
    case MT_TOK_EQ:
    case MT_TOK_NE:
    case MT_TOK_LT:
    case MT_TOK_GT:
    case MT_TOK_LE:
    case MT_TOK_GE:
    case MT_TOK_KW_in:
    case MT_TOK_KW_not:
    case MT_TOK_KW_is: return P_CMP;
    case MT_TOK_VBAR: return P_BOR;
    case MT_TOK_CIRCUMFLEX: return P_BXOR;
    case MT_TOK_AMP: return P_BAND;
    case MT_TOK_LSHIFT:
    case MT_TOK_RSHIFT: return P_SHIFT;
    case MT_TOK_PLUS:
    case MT_TOK_MINUS: return P_ARITH;
    case MT_TOK_STAR:
    case MT_TOK_SLASH:
    case MT_TOK_DSLASH:
    case MT_TOK_PERCENT:
    case MT_TOK_AT: return P_TERM;
    default: return 0;
    }
}

/* the comparison operator at the current token (consumed) */
static int parse_cmp_op(mt_parser_t *p) {
    int k = TOK;
    next(p);
    switch (k) {
    case MT_TOK_EQ: return MT_BINOP_EQ;
    case MT_TOK_NE: return MT_BINOP_NE;
    case MT_TOK_LT: return MT_BINOP_LT;
    case MT_TOK_GT: return MT_BINOP_GT;
    case MT_TOK_LE: return MT_BINOP_LE;
    case MT_TOK_GE: return MT_BINOP_GE;
    case MT_TOK_KW_in: return MT_BINOP_IN;
    case MT_TOK_KW_is: return accept(p, MT_TOK_KW_not) ? MT_BINOP_IS_NOT : MT_BINOP_IS;
    default: expect(p, MT_TOK_KW_in); return MT_BINOP_NOT_IN;
    }
}

static mt_ast_t *parse_compare(mt_parser_t *p, mt_ast_t *lhs, uint32_t line) {
    size_t base = mark(p);
    push(p, lhs);
    while (tok_prec(TOK) == P_CMP) {
        uint32_t cline = TOK_LINE;
        int op = parse_cmp_op(p);
        mt_ast_t *c = node1(MT_AST_CMP, cline, NULL);
        c->op = (uint8_t)op;
        push(p, c);
        c->kids[0] = parse_prec(p, P_CMP + 1);
    }
    return pop_node(p, MT_AST_COMPARE, line, base);
}

static mt_ast_t *parse_boolop(mt_parser_t *p, mt_ast_t *lhs, int prec, uint32_t line) {
    int k = TOK;
    size_t base = mark(p);
    push(p, lhs);
    while (accept(p, k)) {
        push(p, parse_prec(p, prec + 1));
    }
    mt_ast_t *b = pop_node(p, MT_AST_BOOLOP, line, base);
    b->op = prec == P_OR;
    return b;
}

/* the conditional expression after its body e: 'if' disjunction 'else' expression */
static mt_ast_t *parse_ifexp(mt_parser_t *p, mt_ast_t *e, uint32_t line) {
    next(p);
    mt_ast_t *x = node3(MT_AST_IFEXP, line, NULL, e, NULL);
    x->kids[0] = parse_prec(p, P_OR);
    if (!accept(p, MT_TOK_KW_else)) {
        error_at(p, TOK_LINE, "expected 'else' after 'if' expression");
    }
    x->kids[2] = parse_test(p);
    return x;
}

/* operators binding at least as tightly as min: or, and, not, comparisons, | ^ & << >> + - * /
 * // % @ (precedence climbing); at P_TEST also lambda and conditional expressions */
static mt_ast_t *parse_prec(mt_parser_t *p, int min) {
    mt_stack_check();
    uint32_t start = TOK_LINE;
    mt_ast_t *lhs;
    if (min == P_TEST && TOK == MT_TOK_KW_lambda && !p->pre_atom) {
        return parse_lambda(p);
    }
    if (TOK == MT_TOK_KW_not && min <= P_NOT && !p->pre_atom) {
        mt_ast_t *first = NULL, *last = NULL;
        while (TOK == MT_TOK_KW_not) {
            mt_ast_t *u = node1(MT_AST_UNARYOP, TOK_LINE, NULL);
            u->op = MT_UNOP_NOT;
            if (last) {
                last->kids[0] = u;
            } else {
                first = u;
            }
            last = u;
            next(p);
        }
        last->kids[0] = parse_prec(p, P_CMP);
        lhs = first;
    } else {
        lhs = parse_factor(p);
    }
    for (;;) {
        int prec = tok_prec(TOK);
        if (prec == 0 || prec < min) {
            if (min == P_TEST && TOK == MT_TOK_KW_if) {
                return parse_ifexp(p, lhs, start);
            }
            return lhs;
        }
        if (prec <= P_AND) {
            lhs = parse_boolop(p, lhs, prec, start);
        } else if (prec == P_CMP) {
            lhs = parse_compare(p, lhs, start);
        } else {
            mt_ast_t *b = node2(MT_AST_BINOP, start, lhs, NULL);
            b->op = (uint8_t)tok_binop(TOK);
            next(p);
            b->kids[1] = parse_prec(p, prec + 1);
            lhs = fold_binop(b);
        }
    }
}

/* ---- expressions */

static mt_ast_t *parse_param(mt_parser_t *p, int kind, bool lambda) {
    mt_ast_t *a = node2(MT_AST_ARG, TOK_LINE, NULL, NULL);
    a->op = (uint8_t)kind;
    a->value = expect_name(p);
    if (!lambda && accept(p, MT_TOK_COLON)) {
        a->kids[1] = parse_test(p);
    }
    return a;
}

static void check_duplicate_args(mt_parser_t *p, size_t base) {
    node_stack_t *s = p->ns;
    for (size_t i = base; i < s->sp; i++) {
        for (size_t j = base; j < i; j++) {
            if (s->items[i]->value == s->items[j]->value) {
                mt_lex_error(&p->lx, s->items[i]->line,
                             "duplicate argument '%q' in function definition",
                             MT_QSTR_VALUE(s->items[i]->value));
            }
        }
    }
}

/* a def's or lambda's parameters up to `end` (not consumed) */
static mt_ast_t *parse_params(mt_parser_t *p, int end, uint32_t line) {
    bool lambda = end == MT_TOK_COLON;
    size_t base = mark(p);
    bool seen_default = false, seen_star = false, seen_slash = false, seen_kwarg = false;
    bool need_kwonly = false;
    while (TOK != end) {
        uint32_t aline = TOK_LINE;
        if (seen_kwarg) {
            error_at(p, aline, "arguments cannot follow var-keyword argument");
        }
        if (accept(p, MT_TOK_SLASH)) {
            if (seen_slash || seen_star || mark(p) == base) {
                error_at(p, aline,
                         seen_slash  ? "/ may appear only once"
                         : seen_star ? "/ must be ahead of *"
                                     : "at least one argument must precede /");
            }
            for (size_t i = base; i < mark(p); i++) {
                p->ns->items[i]->op = MT_ARG_KIND_POSONLY;
            }
            seen_slash = true;
        } else if (accept(p, MT_TOK_STAR)) {
            if (seen_star) {
                error_at(p, aline, "* argument may appear only once");
            }
            seen_star = true;
            if (TOK == MT_TOK_COMMA || TOK == end) {
                need_kwonly = true;
            } else {
                push(p, parse_param(p, MT_ARG_KIND_VARARG, lambda));
            }
        } else if (accept(p, MT_TOK_DSTAR)) {
            if (need_kwonly) {
                error_at(p, aline, "named arguments must follow bare *");
            }
            push(p, parse_param(p, MT_ARG_KIND_VARKW, lambda));
            seen_kwarg = true;
        } else {
            mt_ast_t *a = parse_param(p, seen_star ? MT_ARG_KIND_KWONLY : MT_ARG_KIND_POS, lambda);
            push(p, a);
            if (accept(p, MT_TOK_ASSIGN)) {
                a->kids[0] = parse_test(p);
                seen_default |= !seen_star;
            } else if (seen_default && !seen_star) {
                error_at(p, aline, "non-default argument follows default argument");
            }
            need_kwonly = false;
        }
        if (!accept(p, MT_TOK_COMMA)) {
            break;
        }
    }
    if (need_kwonly) {
        error_at(p, TOK_LINE, "named arguments must follow bare *");
    }
    check_duplicate_args(p, base);
    return pop_node(p, MT_AST_ARGS, line, base);
}

static mt_ast_t *parse_lambda(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    mt_ast_t *lam = node2(MT_AST_LAMBDA, line, NULL, NULL);
    lam->kids[0] = parse_params(p, MT_TOK_COLON, line);
    expect(p, MT_TOK_COLON);
    uint8_t fn = p->fn;
    uint16_t loop = p->loop;
    p->fn = FN_FUNC;
    p->loop = 0;
    p->func_depth++;
    lam->kids[1] = parse_test(p);
    p->func_depth--;
    p->fn = fn;
    p->loop = loop;
    return lam;
}

/* expression [':=' expression] */
static mt_ast_t *parse_named(mt_parser_t *p) {
    mt_ast_t *e = parse_test(p);
    if (TOK != MT_TOK_WALRUS) {
        return e;
    }
    if (e->kind != MT_AST_NAME) {
        const char *what = e->kind == MT_AST_ATTR     ? "attribute"
                           : e->kind == MT_AST_SUBSCR ? "subscript"
                                                      : describe(e);
        mt_lex_error(&p->lx, e->line, "cannot use assignment expressions with %s", what);
    }
    next(p);
    p->n_walrus++;
    mt_ast_t *n = node2(MT_AST_NAMEDEXPR, e->line, e, NULL);
    n->kids[1] = parse_test(p);
    return n;
}

/* '*' bitwise_or | named expression */
static mt_ast_t *parse_star_named(mt_parser_t *p) {
    if (TOK == MT_TOK_STAR) {
        uint32_t line = TOK_LINE;
        next(p);
        return node1(MT_AST_STARRED, line, parse_prec(p, P_BOR));
    }
    return parse_named(p);
}

static mt_ast_t *star_or_test(mt_parser_t *p, bool allow_star) {
    if (allow_star && TOK == MT_TOK_STAR) {
        uint32_t line = TOK_LINE;
        next(p);
        return node1(MT_AST_STARRED, line, parse_prec(p, P_BOR));
    }
    return parse_test(p);
}

/* expressions separated by commas (a TUPLE if there is a comma), starred items allowed */
static mt_ast_t *parse_star_exprs(mt_parser_t *p, bool allow_star) {
    uint32_t start = TOK_LINE;
    mt_ast_t *first = star_or_test(p, allow_star);
    if (TOK != MT_TOK_COMMA) {
        return first;
    }
    size_t base = mark(p);
    push(p, first);
    while (accept(p, MT_TOK_COMMA) && starts_expr(TOK)) {
        push(p, star_or_test(p, allow_star));
    }
    return pop_node(p, MT_AST_TUPLE, start, base);
}

/* the right side of an assignment: yield expression or star expressions */
static mt_ast_t *parse_rhs(mt_parser_t *p) {
    mt_ast_t *v = TOK == MT_TOK_KW_yield ? parse_yield(p) : parse_star_exprs(p, true);
    check_value(p, v);
    return v;
}

/* ---- simple statements */

static mt_ast_t *parse_assign(mt_parser_t *p, mt_ast_t *target, uint32_t line, bool was_yield) {
    size_t base = mark(p);
    push(p, target);
    while (accept(p, MT_TOK_ASSIGN)) {
        if (was_yield) {
            error_at(p, line, "assignment to yield expression not possible");
        }
        was_yield = TOK == MT_TOK_KW_yield;
        push(p, parse_rhs(p));
    }
    for (size_t i = base; i < mark(p) - 1; i++) {
        check_target(p, p->ns->items[i], CTX_ASSIGN);
    }
    return pop_node(p, MT_AST_ASSIGN, line, base);
}

static mt_ast_t *parse_annassign(mt_parser_t *p, mt_ast_t *target, uint32_t line, int first_tok) {
    if (target->kind == MT_AST_TUPLE || target->kind == MT_AST_LIST) {
        mt_lex_error(&p->lx, target->line, "only single target (not %s) can be annotated",
                     target->kind == MT_AST_TUPLE ? "tuple" : "list");
    }
    if (target->kind != MT_AST_NAME && target->kind != MT_AST_ATTR &&
        target->kind != MT_AST_SUBSCR) {
        error_at(p, target->line, "illegal target for annotation");
    }
    check_target(p, target, CTX_STORE);
    next(p);
    mt_ast_t *a = node3(MT_AST_ANNASSIGN, line, target, NULL, NULL);
    a->op = target->kind == MT_AST_NAME && first_tok != MT_TOK_LPAREN;
    a->kids[1] = parse_test(p);
    if (accept(p, MT_TOK_ASSIGN)) {
        a->kids[2] = parse_rhs(p);
    }
    return a;
}

/* expression statement, assignment, augmented or annotated assignment */
static mt_ast_t *parse_expr_stmt(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    int first_tok = TOK;
    bool was_yield = TOK == MT_TOK_KW_yield;
    mt_ast_t *e = was_yield ? parse_yield(p) : parse_star_exprs(p, true);
    if (TOK == MT_TOK_ASSIGN) {
        return parse_assign(p, e, line, was_yield);
    }
    if (MT_TOK_IS_AUG(TOK)) {
        check_aug_target(p, e);
        mt_ast_t *a = node2(MT_AST_AUGASSIGN, line, e, NULL);
        a->op = (uint8_t)tok_binop(TOK - (TOK != MT_TOK_AT_EQ));
        next(p);
        a->kids[1] = parse_rhs(p);
        return a;
    }
    if (TOK == MT_TOK_COLON) {
        return parse_annassign(p, e, line, first_tok);
    }
    check_value(p, e);
    return node1(MT_AST_EXPR_STMT, line, e);
}

/* NAME nodes separated by commas (global, nonlocal) */
static mt_ast_t *parse_names(mt_parser_t *p, int kind, uint32_t line) {
    size_t base = mark(p);
    do {
        uint32_t nline = TOK_LINE;
        push(p, value_node(MT_AST_NAME, nline, expect_name(p)));
    } while (accept(p, MT_TOK_COMMA));
    return pop_node(p, kind, line, base);
}

static mt_ast_t *parse_del(mt_parser_t *p, uint32_t line) {
    size_t base = mark(p);
    do {
        mt_ast_t *t = target_item(p);
        check_target(p, t, CTX_DEL);
        push(p, t);
    } while (accept(p, MT_TOK_COMMA) && starts_expr(TOK));
    return pop_node(p, MT_AST_DEL, line, base);
}

static mt_obj_t parse_dotted_name(mt_parser_t *p) {
    mt_obj_t name = expect_name(p);
    if (TOK != MT_TOK_DOT) {
        return name;
    }
    mt_vstr_t v;
    mt_vstr_init(&v, 32);
    size_t len;
    const char *s = mt_qstr_data(MT_QSTR_VALUE(name), &len);
    mt_vstr_add_strn(&v, s, len);
    while (accept(p, MT_TOK_DOT)) {
        s = mt_qstr_data(MT_QSTR_VALUE(expect_name(p)), &len);
        mt_vstr_add_byte(&v, '.');
        mt_vstr_add_strn(&v, s, len);
    }
    return MT_NEW_QSTR(mt_qstr_from_strn(v.buf, v.len));
}

static mt_ast_t *alias_node(mt_parser_t *p, mt_obj_t name, uint32_t line) {
    mt_ast_t *a = value_node(MT_AST_ALIAS, line, name);
    if (accept(p, MT_TOK_KW_as)) {
        a->aux = MT_QSTR_VALUE(expect_name(p));
    }
    return a;
}

static mt_ast_t *parse_import(mt_parser_t *p, uint32_t line) {
    size_t base = mark(p);
    do {
        uint32_t aline = TOK_LINE;
        push(p, alias_node(p, parse_dotted_name(p), aline));
    } while (accept(p, MT_TOK_COMMA));
    return pop_node(p, MT_AST_IMPORT, line, base);
}

static mt_ast_t *parse_from_import(mt_parser_t *p, uint32_t line) {
    unsigned level = 0;
    for (;; next(p)) {
        if (TOK == MT_TOK_DOT) {
            level++;
        } else if (TOK == MT_TOK_ELLIPSIS) {
            level += 3;
        } else {
            break;
        }
    }
    if (level > 255) {
        error_at(p, line, "too many dots in relative import");
    }
    mt_obj_t module = MT_NULL;
    if (TOK == MT_TOK_NAME || level == 0) {
        module = parse_dotted_name(p);
    }
    expect(p, MT_TOK_KW_import);
    size_t base = mark(p);
    if (TOK == MT_TOK_STAR) {
        if (p->fn & FN_FUNC) {
            error_at(p, line, "import * only allowed at module level");
        }
        next(p);
    } else {
        bool paren = accept(p, MT_TOK_LPAREN);
        do {
            if (paren && TOK == MT_TOK_RPAREN && mark(p) > base) {
                break;
            }
            uint32_t aline = TOK_LINE;
            push(p, alias_node(p, expect_name(p), aline));
        } while (accept(p, MT_TOK_COMMA));
        if (paren) {
            expect(p, MT_TOK_RPAREN);
        }
    }
    mt_ast_t *a = pop_node(p, MT_AST_IMPORT_FROM, line, base);
    a->value = module;
    a->op = (uint8_t)level;
    return a;
}

static mt_ast_t *parse_small_stmt(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    mt_ast_t *a;
    switch (TOK) {
    case MT_TOK_KW_pass: next(p); return node_new(MT_AST_PASS, line, 0);
    case MT_TOK_KW_break:
    case MT_TOK_KW_continue: {
        bool is_break = TOK == MT_TOK_KW_break;
        if (p->loop == 0) {
            error_at(p, line,
                     is_break ? "'break' outside loop" : "'continue' not properly in loop");
        }
        next(p);
        return node_new(is_break ? MT_AST_BREAK : MT_AST_CONTINUE, line, 0);
    }
    case MT_TOK_KW_return:
        if (!(p->fn & FN_FUNC)) {
            error_at(p, line, "'return' outside function");
        }
        next(p);
        a = node1(MT_AST_RETURN, line, starts_expr(TOK) ? parse_star_exprs(p, true) : NULL);
        check_value(p, a->kids[0]);
        return a;
    case MT_TOK_KW_raise:
        next(p);
        a = node2(MT_AST_RAISE, line, NULL, NULL);
        if (starts_expr(TOK)) {
            a->kids[0] = parse_test(p);
            if (accept(p, MT_TOK_KW_from)) {
                a->kids[1] = parse_test(p);
            }
        }
        return a;
    case MT_TOK_KW_global: next(p); return parse_names(p, MT_AST_GLOBAL, line);
    case MT_TOK_KW_nonlocal:
        if (p->func_depth == 0) {
            error_at(p, line, "nonlocal declaration not allowed at module level");
        }
        next(p);
        return parse_names(p, MT_AST_NONLOCAL, line);
    case MT_TOK_KW_assert:
        next(p);
        a = node2(MT_AST_ASSERT, line, NULL, NULL);
        a->kids[0] = parse_test(p);
        if (accept(p, MT_TOK_COMMA)) {
            a->kids[1] = parse_test(p);
        }
        return a;
    case MT_TOK_KW_del: next(p); return parse_del(p, line);
    case MT_TOK_KW_import: next(p); return parse_import(p, line);
    case MT_TOK_KW_from: next(p); return parse_from_import(p, line);
    default: return parse_expr_stmt(p);
    }
}

static void expect_newline(mt_parser_t *p) {
    if (TOK != MT_TOK_NEWLINE) {
        syntax_error(p);
    }
    next(p);
}

/* small statements separated by ';' up to the end of the line, pushed */
static void parse_simple_line(mt_parser_t *p) {
    for (;;) {
        push(p, parse_small_stmt(p));
        if (!accept(p, MT_TOK_SEMI) || TOK == MT_TOK_NEWLINE) {
            break;
        }
    }
    expect_newline(p);
}

/* ---- compound statements */

static mt_ast_t *parse_if(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    mt_ast_t *top = node3(MT_AST_IF, line, NULL, NULL, NULL);
    top->kids[0] = parse_named(p);
    top->kids[1] = parse_block(p, "'if' statement", line);
    mt_ast_t *cur = top;
    while (TOK == MT_TOK_KW_elif) {
        uint32_t eline = TOK_LINE;
        next(p);
        mt_ast_t *inner = node3(MT_AST_IF, eline, NULL, NULL, NULL);
        cur->kids[2] = node1(MT_AST_BLOCK, eline, inner);
        inner->kids[0] = parse_named(p);
        inner->kids[1] = parse_block(p, "'elif' statement", eline);
        cur = inner;
    }
    if (TOK == MT_TOK_KW_else) {
        uint32_t eline = TOK_LINE;
        next(p);
        cur->kids[2] = parse_block(p, "'else' statement", eline);
    }
    return top;
}

/* a loop's body then its optional else block into kids[body], kids[body + 1] */
static void parse_loop_body(mt_parser_t *p, mt_ast_t *a, int body, const char *what,
                            uint32_t line) {
    p->loop++;
    a->kids[body] = parse_block(p, what, line);
    p->loop--;
    if (TOK == MT_TOK_KW_else) {
        uint32_t eline = TOK_LINE;
        next(p);
        a->kids[body + 1] = parse_block(p, "'else' statement", eline);
    }
}

static mt_ast_t *parse_while(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    mt_ast_t *a = node3(MT_AST_WHILE, line, NULL, NULL, NULL);
    a->kids[0] = parse_named(p);
    parse_loop_body(p, a, 1, "'while' statement", line);
    return a;
}

static mt_ast_t *parse_for(mt_parser_t *p, bool is_async, uint32_t line) {
    next(p);
    mt_ast_t *a = node_new(MT_AST_FOR, line, 4);
    a->op = is_async;
    a->kids[0] = parse_target_list(p);
    check_target(p, a->kids[0], CTX_STORE);
    expect(p, MT_TOK_KW_in);
    a->kids[1] = parse_star_exprs(p, true);
    check_value(p, a->kids[1]);
    parse_loop_body(p, a, 2, "'for' statement", line);
    return a;
}

static mt_ast_t *parse_handler(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    mt_ast_t *h = node2(MT_AST_HANDLER, line, NULL, NULL);
    h->value = MT_NULL;
    if (TOK == MT_TOK_STAR) {
        error_at(p, line, "except* is not supported");
    }
    if (TOK != MT_TOK_COLON) {
        h->kids[0] = parse_test(p);
        if (TOK == MT_TOK_COMMA) {
            error_at(p, line, "multiple exception types must be parenthesized");
        }
        if (accept(p, MT_TOK_KW_as)) {
            h->value = expect_name(p);
        }
    }
    h->kids[1] = parse_block(p, "'except' statement", line);
    return h;
}

static mt_ast_t *parse_try(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    mt_ast_t *a = node_new(MT_AST_TRY, line, 4);
    a->kids[0] = parse_block(p, "'try' statement", line);
    size_t base = mark(p);
    uint32_t hline = TOK_LINE;
    bool bare = false;
    while (TOK == MT_TOK_KW_except) {
        if (bare) {
            error_at(p, TOK_LINE, "default 'except:' must be last");
        }
        mt_ast_t *h = parse_handler(p);
        bare = h->kids[0] == NULL;
        push(p, h);
    }
    if (mark(p) > base) {
        a->kids[1] = pop_node(p, MT_AST_BLOCK, hline, base);
        if (TOK == MT_TOK_KW_else) {
            uint32_t eline = TOK_LINE;
            next(p);
            a->kids[2] = parse_block(p, "'else' statement", eline);
        }
    }
    if (TOK == MT_TOK_KW_finally) {
        uint32_t fline = TOK_LINE;
        next(p);
        a->kids[3] = parse_block(p, "'finally' statement", fline);
    }
    if (!a->kids[1] && !a->kids[3]) {
        error_at(p, TOK_LINE, "expected 'except' or 'finally' block");
    }
    return a;
}

static mt_ast_t *with_target(mt_parser_t *p) {
    mt_ast_t *t = target_item(p);
    check_target(p, t, CTX_STORE);
    return t;
}

/* with items separated by commas, pushed */
static void parse_with_items(mt_parser_t *p) {
    do {
        mt_ast_t *w = node2(MT_AST_WITHITEM, TOK_LINE, NULL, NULL);
        push(p, w);
        w->kids[0] = parse_test(p);
        if (accept(p, MT_TOK_KW_as)) {
            w->kids[1] = with_target(p);
        }
    } while (accept(p, MT_TOK_COMMA));
}

/* `with (`: either parenthesised with items `with (a as b, c):` or an expression starting
 * with a parenthesis. Returns true for the first (items pushed); for the second the
 * parenthesised part becomes pre_atom and the caller parses on. */
static bool parse_with_paren(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    next(p);
    size_t base = mark(p);
    bool has_as = false, comma = false;
    while (TOK != MT_TOK_RPAREN) {
        mt_ast_t *w = node2(MT_AST_WITHITEM, TOK_LINE, NULL, NULL);
        push(p, w);
        w->kids[0] = parse_test(p);
        if (accept(p, MT_TOK_KW_as)) {
            w->kids[1] = with_target(p);
            has_as = true;
        }
        comma = accept(p, MT_TOK_COMMA);
        if (!comma) {
            break;
        }
    }
    expect(p, MT_TOK_RPAREN);
    size_t n = mark(p) - base;
    if (TOK == MT_TOK_COLON && n > 0) {
        return true;
    }
    if (has_as) {
        syntax_error(p);
    }
    for (size_t i = base; i < mark(p); i++) {
        p->ns->items[i] = p->ns->items[i]->kids[0];
    }
    if (n == 1 && !comma) {
        p->pre_atom = p->ns->items[base];
        p->ns->items[--p->ns->sp] = NULL;
    } else {
        p->pre_atom = pop_node(p, MT_AST_TUPLE, line, base);
    }
    return false;
}

static mt_ast_t *parse_with(mt_parser_t *p, bool is_async, uint32_t line) {
    next(p);
    size_t base = mark(p);
    if (TOK != MT_TOK_LPAREN || !parse_with_paren(p)) {
        parse_with_items(p);
    }
    push(p, parse_block(p, "'with' statement", line));
    mt_ast_t *a = pop_node(p, MT_AST_WITH, line, base);
    a->op = is_async;
    return a;
}

typedef struct {
    uint8_t fn;
    uint16_t loop;
} scope_save_t;

static scope_save_t enter_scope(mt_parser_t *p, uint8_t fn) {
    scope_save_t s = {p->fn, p->loop};
    p->fn = fn;
    p->loop = 0;
    p->func_depth += (fn & FN_FUNC) != 0;
    return s;
}

static void leave_scope(mt_parser_t *p, scope_save_t s) {
    p->func_depth -= (p->fn & FN_FUNC) != 0;
    p->fn = s.fn;
    p->loop = s.loop;
}

static mt_ast_t *parse_funcdef(mt_parser_t *p, mt_ast_t *decorators, bool is_async, uint32_t line) {
    next(p);
    mt_ast_t *f = node_new(MT_AST_FUNCDEF, line, 4);
    f->op = is_async;
    f->kids[0] = decorators;
    f->value = expect_name(p);
    uint32_t pline = TOK_LINE;
    expect(p, MT_TOK_LPAREN);
    f->kids[1] = parse_params(p, MT_TOK_RPAREN, pline);
    expect(p, MT_TOK_RPAREN);
    if (accept(p, MT_TOK_ARROW)) {
        f->kids[3] = parse_test(p);
    }
    scope_save_t s = enter_scope(p, FN_FUNC | (is_async ? FN_ASYNC : 0));
    f->kids[2] = parse_block(p, "function definition", line);
    leave_scope(p, s);
    return f;
}

static mt_ast_t *parse_classdef(mt_parser_t *p, mt_ast_t *decorators, uint32_t line) {
    next(p);
    mt_ast_t *c = node3(MT_AST_CLASSDEF, line, decorators, NULL, NULL);
    c->value = expect_name(p);
    uint32_t aline = TOK_LINE;
    if (accept(p, MT_TOK_LPAREN)) {
        size_t base = mark(p);
        parse_args(p, base, aline, false);
        if (mark(p) > base) {
            c->kids[1] = pop_node(p, MT_AST_BLOCK, aline, base);
        }
    }
    scope_save_t s = enter_scope(p, 0);
    c->kids[2] = parse_block(p, "class definition", line);
    leave_scope(p, s);
    return c;
}

static mt_ast_t *parse_async(mt_parser_t *p, mt_ast_t *decorators) {
    uint32_t line = TOK_LINE;
    next(p);
    if (TOK == MT_TOK_KW_def) {
        return parse_funcdef(p, decorators, true, line);
    }
    if (decorators || (TOK != MT_TOK_KW_for && TOK != MT_TOK_KW_with)) {
        syntax_error(p);
    }
    if (!(p->fn & FN_ASYNC)) {
        error_at(p, line,
                 TOK == MT_TOK_KW_for ? "'async for' outside async function"
                                      : "'async with' outside async function");
    }
    return TOK == MT_TOK_KW_for ? parse_for(p, true, line) : parse_with(p, true, line);
}

static mt_ast_t *parse_decorated(mt_parser_t *p) {
    size_t base = mark(p);
    uint32_t line = TOK_LINE;
    while (accept(p, MT_TOK_AT)) {
        push(p, parse_named(p));
        expect_newline(p);
    }
    mt_ast_t *d = pop_node(p, MT_AST_BLOCK, line, base);
    switch (TOK) {
    case MT_TOK_KW_def: return parse_funcdef(p, d, false, TOK_LINE);
    case MT_TOK_KW_class: return parse_classdef(p, d, TOK_LINE);
    case MT_TOK_KW_async: return parse_async(p, d);
    default: syntax_error(p);
    }
}

static bool is_compound(int k) {
    switch (k) {
    case MT_TOK_KW_if:
    case MT_TOK_KW_while:
    case MT_TOK_KW_for:
    case MT_TOK_KW_try:
    case MT_TOK_KW_with:
    case MT_TOK_KW_def:
    case MT_TOK_KW_class:
    case MT_TOK_KW_async:
    case MT_TOK_AT: return true;
    default: return false;
    }
}

static mt_ast_t *parse_compound(mt_parser_t *p) {
    mt_stack_check();
    uint32_t line = TOK_LINE;
    switch (TOK) {
    case MT_TOK_KW_if: return parse_if(p);
    case MT_TOK_KW_while: return parse_while(p);
    case MT_TOK_KW_for: return parse_for(p, false, line);
    case MT_TOK_KW_try: return parse_try(p);
    case MT_TOK_KW_with: return parse_with(p, false, line);
    case MT_TOK_KW_def: return parse_funcdef(p, NULL, false, line);
    case MT_TOK_KW_class: return parse_classdef(p, NULL, line);
    case MT_TOK_AT: return parse_decorated(p);
    default: return parse_async(p, NULL);
    }
}

/* one line of a block: a compound statement or simple statements, pushed */
static void parse_line(mt_parser_t *p) {
    if (is_compound(TOK)) {
        push(p, parse_compound(p));
    } else {
        parse_simple_line(p);
    }
}

/* ':' then simple statements on the same line, or NEWLINE INDENT statements DEDENT */
static mt_ast_t *parse_block(mt_parser_t *p, const char *what, uint32_t line) {
    expect(p, MT_TOK_COLON);
    size_t base = mark(p);
    uint32_t bline = TOK_LINE;
    if (accept(p, MT_TOK_NEWLINE)) {
        if (TOK != MT_TOK_INDENT) {
            mt_lex_raise(&p->lx, &mt_type_IndentationError, TOK_LINE,
                         "expected an indented block after %s on line %u", what, (unsigned)line);
        }
        bline = TOK_LINE;
        next(p);
        do {
            parse_line(p);
        } while (TOK != MT_TOK_DEDENT && TOK != MT_TOK_END);
        next(p);
    } else {
        parse_simple_line(p);
    }
    return pop_node(p, MT_AST_BLOCK, bline, base);
}

/* ---- the interface */

static void parser_init(mt_parser_t *p, const mt_reader_t *r, mt_qstr_t filename,
                        mt_parse_mode_t mode) {
    p->mode = (uint8_t)mode;
    p->ns = &p->own;
    p->own.alloc = 16;
    p->own.items = mt_alloc(16 * sizeof(mt_ast_t *));
    mt_lex_init(&p->lx, r, filename, 1, mode == MT_PARSE_EVAL ? MT_LEX_STRIP_FIRST : 0);
}

mt_parser_t *mt_parser_new(mt_reader_t *r, mt_qstr_t filename, mt_parse_mode_t mode) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_parser_t *p = mt_alloc(sizeof(mt_parser_t));
        parser_init(p, r, filename, mode);
        mt_nlr_pop();
        return p;
    }
    if (r->close) {
        r->close(r->data);
    }
    mt_nlr_jump(nlr.ret_val);
}

/* SINGLE mode: the statement must be all the input */
static void end_of_unit(mt_parser_t *p) {
    if (p->mode == MT_PARSE_SINGLE) {
        if (TOK != MT_TOK_END) {
            error_at(p, TOK_LINE, "multiple statements found while compiling a single statement");
        }
        p->state = ST_DONE;
    }
}

static mt_ast_t *parse_eval(mt_parser_t *p) {
    uint32_t line = TOK_LINE;
    mt_ast_t *e = parse_star_exprs(p, false);
    while (accept(p, MT_TOK_NEWLINE)) {
    }
    if (TOK != MT_TOK_END) {
        syntax_error(p);
    }
    p->state = ST_DONE;
    return node1(MT_AST_EXPR_STMT, line, e);
}

mt_ast_t *mt_parse_next(mt_parser_t *p) {
    if (p->state == ST_DONE) {
        return NULL;
    }
    if (p->mode == MT_PARSE_EVAL) {
        return parse_eval(p);
    }
    if (p->state == ST_START) {
        if (TOK == MT_TOK_END) {
            p->state = ST_DONE;
            return NULL;
        }
        if (is_compound(TOK)) {
            mt_ast_t *s = parse_compound(p);
            end_of_unit(p);
            return s;
        }
    }
    mt_ast_t *s = parse_small_stmt(p);
    if (accept(p, MT_TOK_SEMI) && TOK != MT_TOK_NEWLINE) {
        p->state = ST_IN_LINE;
        return s;
    }
    expect_newline(p);
    p->state = ST_START;
    end_of_unit(p);
    return s;
}

/* The parser's memory goes back to the heap at once: stale copies of its pointers on the C
 * stack would otherwise keep it alive (a conservative GC) while the compiled code runs. */
void mt_parser_free(mt_parser_t *p) {
    if (p->lx.reader.close) {
        p->lx.reader.close(p->lx.reader.data);
        p->lx.reader.close = NULL;
    }
    void *bufs[] = {p->lx.indent,    p->lx.alt_indent, p->lx.nest_char,
                    p->lx.nest_line, p->lx.text.buf,   p->own.items};
    for (size_t i = 0; i < MT_ARRAY_SIZE(bufs); i++) mt_free(bufs[i]);
    mt_free(p);
}

/* ---- the REPL's question: is this input an unfinished statement? */

static bool last_line_blank(const char *src, size_t len) {
    size_t i = len;
    while (i > 0 && src[i - 1] != '\n') {
        i--;
    }
    if (i == 0) {
        return false;
    }
    for (; i < len; i++) {
        if (src[i] != ' ' && src[i] != '\t' && src[i] != '\r' && src[i] != '\f') {
            return false;
        }
    }
    return true;
}

bool mt_parse_is_incomplete(const char *src, size_t len) {
    mt_reader_t r;
    mt_lexer_t lx;
    memset(&lx, 0, sizeof(lx));
    bool compound = false;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_reader_new_mem(&r, src, len);
        mt_lex_init(&lx, &r, MT_QSTR_lt_stdin_gt, 1, MT_LEX_SCAN_ONLY);
        compound = is_compound(lx.kind);
        while (lx.kind != MT_TOK_END) {
            mt_lex_next(&lx);
        }
        mt_nlr_pop();
    } else {
        /* an unfinished bracket, string or continuation asks for more; other errors are for
         * the compiler to report */
        return lx.hit_eof;
    }
    return compound && !last_line_blank(src, len);
}

#ifdef MT_PARSE_DEBUG
/* ---- debugging: one S-expression per node, `-` for an absent child */

static const char *const ast_kind_names[] = {
#define X(k) #k,
    MT_AST_KINDS(X)
#undef X
};

void mt_ast_dump(const mt_print_t *out, const mt_ast_t *a) {
    if (a == NULL) {
        mt_print_str(out, "-");
        return;
    }
    mt_printf(out, "(%s@%u", ast_kind_names[a->kind], (unsigned)a->line);
    if (a->op) {
        mt_printf(out, " op=%d", a->op);
    }
    if (a->value != MT_NULL) {
        mt_printf(out, " %R", a->value);
    }
    if (a->aux) {
        mt_printf(out, " as=%q", a->aux);
    }
    for (size_t i = 0; i < a->n_kids; i++) {
        mt_print_str(out, " ");
        mt_ast_dump(out, a->kids[i]);
    }
    mt_print_str(out, ")");
}
#endif
