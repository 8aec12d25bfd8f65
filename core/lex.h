/* The lexer: turns the bytes of an mt_reader_t into Python tokens, a few bytes at a time.
 * It keeps three characters of lookahead and the current token only; the parser
 * (core/parse.c) pulls tokens with mt_lex_next. Indentation becomes INDENT/DEDENT tokens,
 * physical lines joined inside brackets or by a backslash produce no NEWLINE. */
#ifndef MT_LEX_H
#define MT_LEX_H

#include "ast.h"

/* keywords, in the order of their token kinds (spelling = name) */
// clang-format off
#define MT_KEYWORDS(X) \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class) \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from) X(global) \
    X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) \
    X(return) X(try) X(while) X(with) X(yield)

/* operators and delimiters: X(name, spelling). The binary operators from PLUS on are each
 * followed by their augmented form (see MT_TOK_IS_AUG). */
#define MT_OPERATORS(X) \
    X(LPAREN, "(") X(RPAREN, ")") X(LBRACKET, "[") X(RBRACKET, "]") X(LBRACE, "{") \
    X(RBRACE, "}") X(COMMA, ",") X(COLON, ":") X(SEMI, ";") X(DOT, ".") X(ELLIPSIS, "...") \
    X(AT, "@") X(ASSIGN, "=") X(ARROW, "->") X(WALRUS, ":=") X(TILDE, "~") \
    X(EQ, "==") X(NE, "!=") X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=") \
    X(PLUS, "+") X(PLUS_EQ, "+=") X(MINUS, "-") X(MINUS_EQ, "-=") X(STAR, "*") X(STAR_EQ, "*=") \
    X(SLASH, "/") X(SLASH_EQ, "/=") X(DSLASH, "//") X(DSLASH_EQ, "//=") X(PERCENT, "%") \
    X(PERCENT_EQ, "%=") X(DSTAR, "**") X(DSTAR_EQ, "**=") X(LSHIFT, "<<") X(LSHIFT_EQ, "<<=") \
    X(RSHIFT, ">>") X(RSHIFT_EQ, ">>=") X(AMP, "&") X(AMP_EQ, "&=") X(VBAR, "|") X(VBAR_EQ, "|=") \
    X(CIRCUMFLEX, "^") X(CIRCUMFLEX_EQ, "^=") X(AT_EQ, "@=")
// clang-format on

typedef enum {
    MT_TOK_END,     /* end of input */
    MT_TOK_NEWLINE, /* end of a logical line */
    MT_TOK_INDENT,
    MT_TOK_DEDENT,
    MT_TOK_NAME,   /* value: qstr */
    MT_TOK_NUMBER, /* value: int, float or complex object */
    MT_TOK_STRING, /* str_flags; bytes in text (decoded unless raw or f-string) */
#define X(k) MT_TOK_KW_##k,
    MT_KEYWORDS(X)
#undef X
#define X(k, s) MT_TOK_##k,
        MT_OPERATORS(X)
#undef X
            MT_TOK_N_KINDS
} mt_tok_kind_t;

#define MT_TOK_FIRST_KW MT_TOK_KW_False
#define MT_TOK_IS_KW(k) ((k) >= MT_TOK_KW_False && (k) <= MT_TOK_KW_yield)
/* augmented-assignment tokens (+= ... @=) */
#define MT_TOK_IS_AUG(k)                                                                           \
    ((k) == MT_TOK_AT_EQ ||                                                                        \
     ((k) > MT_TOK_PLUS && (k) <= MT_TOK_CIRCUMFLEX_EQ && (((k)-MT_TOK_PLUS) & 1) == 1))

/* string token flags */
#define MT_STR_BYTES 1
#define MT_STR_RAW   2
#define MT_STR_F     4

typedef struct {
    mt_reader_t reader;
    mt_qstr_t filename;
    uint32_t line;  /* line of c0 */
    uint32_t col;   /* column of c0 (0-based, in characters) */
    int c0, c1, c2; /* next characters (CR LF and CR folded to LF); -1 at the end */
    int pushback;   /* raw byte read ahead while folding CR LF, or -2 for none */
    uint8_t utf8_need, utf8_lo, utf8_hi; /* UTF-8 validation of the raw bytes */
    bool at_bol;    /* at the start of a logical line: indentation is to be measured */
    bool no_indent; /* f-string mode: no INDENT/DEDENT */
    bool hit_eof;   /* an error was caused by the input ending too early (REPL: continue) */
    bool scan_only; /* only find tokens and errors: no values made, no names interned */
    uint16_t pending_dedents;
    uint16_t n_indent, indent_alloc;
    uint16_t *indent;     /* indentation columns (tabs to multiples of 8); indent[0] == 0 */
    uint16_t *alt_indent; /* the same with tabs counted as 1: detects tab/space mixing */
    uint16_t nest, nest_alloc;
    uint8_t *nest_char;  /* open brackets */
    uint32_t *nest_line; /* their lines */
    /* the current token */
    uint8_t kind;      /* mt_tok_kind_t */
    uint8_t str_flags; /* MT_STR_* for MT_TOK_STRING */
    uint32_t tok_line; /* line of the token's first character */
    uint32_t tok_col;  /* and its column */
    mt_obj_t value;    /* NAME: qstr object; NUMBER: the number */
    mt_vstr_t text;    /* STRING: its bytes (escapes decoded unless raw or f-string) */
} mt_lexer_t;

/* mt_lex_init flags */
#define MT_LEX_NO_INDENT   1 /* no INDENT/DEDENT at all (f-string fields) */
#define MT_LEX_STRIP_FIRST 2 /* ignore blanks before the first token (eval) */
#define MT_LEX_SCAN_ONLY   4 /* see scan_only */

/* start lexing r (copied) and read the first token; first_line is the line number of the
 * first character */
void mt_lex_init(mt_lexer_t *lx, const mt_reader_t *r, mt_qstr_t filename, uint32_t first_line,
                 int flags);
void mt_lex_next(mt_lexer_t *lx);
/* decode backslash escapes in s[0..n) in place (the result is never longer); returns the new
 * length. Raises SyntaxError at `line` on a malformed escape. */
size_t mt_lex_decode_escapes(mt_lexer_t *lx, char *s, size_t n, bool is_bytes, uint32_t line);
/* printable name of a token kind: "'('", "'if'", "NEWLINE" ... */
const char *mt_lex_tok_str(int kind);
/* raise a SyntaxError (or subclass t) at the lexer's file, `line`; fmt as mt_printf */
MT_NORETURN void mt_lex_raise(mt_lexer_t *lx, const mt_type_t *t, uint32_t line, const char *fmt,
                              ...);
MT_NORETURN void mt_lex_error(mt_lexer_t *lx, uint32_t line, const char *fmt, ...);

#ifdef MT_PARSE_DEBUG
/* print a parse tree as S-expressions (core/parse.c, debug builds only) */
void mt_ast_dump(const mt_print_t *out, const mt_ast_t *a);
#endif

#endif
