/* The lexer: bytes from a reader -> tokens (see lex.h). CPython 3.11's tokenizer rules. */
#include "lex.h"

#include "exc.h"
#include "nlr.h"

#define MAX_INDENT 100 /* CPython's limit of indentation levels */
#define MAX_NEST   200 /* and of open brackets */

/* ---- errors */

/* SyntaxError(msg, (file, line, offset, None)); the offset is the current token's column when
 * the error is on its line */
MT_NORETURN static void raise_at(mt_lexer_t *lx, const mt_type_t *t, uint32_t line, const char *fmt,
                                 va_list ap) {
    mt_vstr_t msg;
    mt_vstr_init(&msg, 48);
    mt_print_t out;
    mt_vstr_printer(&msg, &out);
    mt_vprintf(&out, fmt, ap);
    size_t col = line == lx->tok_line ? lx->tok_col + 1 : 0;
    mt_raise(mt_exc_new_syntax(t, mt_vstr_null_terminated(&msg), lx->filename, line, col));
}

MT_NORETURN void mt_lex_raise(mt_lexer_t *lx, const mt_type_t *t, uint32_t line, const char *fmt,
                              ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_at(lx, t, line, fmt, ap);
}

MT_NORETURN void mt_lex_error(mt_lexer_t *lx, uint32_t line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_at(lx, &mt_type_SyntaxError, line, fmt, ap);
}

MT_NORETURN static void indent_error(mt_lexer_t *lx, const char *msg) {
    mt_lex_raise(lx, &mt_type_IndentationError, lx->line, "%s", msg);
}

MT_NORETURN static void eof_error(mt_lexer_t *lx, uint32_t line, const char *msg) {
    lx->hit_eof = true;
    mt_lex_error(lx, line, "%s", msg);
}

/* ---- characters */

static int raw_byte(mt_lexer_t *lx) {
    if (lx->pushback != -2) {
        int c = lx->pushback;
        lx->pushback = -2;
        return c;
    }
    return lx->reader.readbyte(lx->reader.data);
}

MT_NORETURN static void bad_utf8(mt_lexer_t *lx, int c) {
    if (c < 0) {
        mt_lex_error(lx, lx->line, "(unicode error) 'utf-8' codec can't decode: unexpected end");
    }
    mt_lex_error(lx, lx->line, "(unicode error) 'utf-8' codec can't decode byte 0x%02x", c);
}

/* the next source character: CR LF / CR folded to LF; UTF-8 and NUL checked */
static int next_char(mt_lexer_t *lx) {
    int c = raw_byte(lx);
    if (lx->utf8_need) {
        if (c < lx->utf8_lo || c > lx->utf8_hi) {
            bad_utf8(lx, c);
        }
        lx->utf8_need--;
        lx->utf8_lo = 0x80;
        lx->utf8_hi = 0xbf;
        return c;
    }
    if (c < 0x80) {
        if (c == '\r') {
            int d = raw_byte(lx);
            if (d != '\n') {
                lx->pushback = d;
            }
            return '\n';
        }
        if (c == 0) {
            mt_lex_error(lx, lx->line, "source code cannot contain null bytes");
        }
        return c;
    }
    lx->utf8_lo = 0x80;
    lx->utf8_hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        lx->utf8_need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
        lx->utf8_need = 2;
        lx->utf8_lo = c == 0xe0 ? 0xa0 : 0x80;
        lx->utf8_hi = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        lx->utf8_need = 3;
        lx->utf8_lo = c == 0xf0 ? 0x90 : 0x80;
        lx->utf8_hi = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        bad_utf8(lx, c);
    }
    return c;
}

static void advance(mt_lexer_t *lx) {
    if (lx->c0 == '\n') {
        lx->line++;
        lx->col = 0;
    } else if ((lx->c0 & 0xc0) != 0x80) {
        lx->col++; /* characters, not UTF-8 continuation bytes */
    }
    lx->c0 = lx->c1;
    lx->c1 = lx->c2;
    if (lx->c2 >= 0) {
        lx->c2 = next_char(lx);
    }
}

static void add_advance(mt_lexer_t *lx) {
    mt_vstr_add_byte(&lx->text, (uint8_t)lx->c0);
    advance(lx);
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
static bool is_alpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_name_start(int c) {
    return is_alpha(c) || c == '_' || c >= 0x80;
}
static bool is_name_char(int c) {
    return is_name_start(c) || is_digit(c);
}

static int hex_value(int c) {
    if (is_digit(c)) {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* ---- set-up */

static void *grow(void *p, size_t n_old, size_t n_new, size_t item) {
    void *q = mt_alloc(n_new * item);
    if (p) {
        memcpy(q, p, n_old * item);
    }
    return q;
}

void mt_lex_init(mt_lexer_t *lx, const mt_reader_t *r, mt_qstr_t filename, uint32_t first_line,
                 int flags) {
    memset(lx, 0, sizeof(*lx));
    lx->reader = *r;
    lx->filename = filename;
    lx->line = first_line;
    lx->pushback = -2;
    lx->no_indent = (flags & MT_LEX_NO_INDENT) != 0;
    lx->scan_only = (flags & MT_LEX_SCAN_ONLY) != 0;
    lx->at_bol = true;
    lx->indent_alloc = 4;
    lx->indent = mt_alloc(4 * sizeof(uint16_t));
    lx->alt_indent = mt_alloc(4 * sizeof(uint16_t));
    lx->n_indent = 1;
    mt_vstr_init(&lx->text, 32);
    lx->c0 = next_char(lx);
    lx->c1 = lx->c0 < 0 ? -1 : next_char(lx);
    lx->c2 = lx->c1 < 0 ? -1 : next_char(lx);
    if (lx->c0 == 0xef && lx->c1 == 0xbb && lx->c2 == 0xbf) { /* UTF-8 byte order mark */
        advance(lx);
        advance(lx);
        advance(lx);
    }
    while ((flags & MT_LEX_STRIP_FIRST) && (lx->c0 == ' ' || lx->c0 == '\t')) {
        advance(lx);
    }
    mt_lex_next(lx);
}

/* ---- indentation */

static void push_indent(mt_lexer_t *lx, unsigned col, unsigned alt) {
    if (lx->n_indent >= MAX_INDENT) {
        indent_error(lx, "too many levels of indentation");
    }
    if (lx->n_indent == lx->indent_alloc) {
        size_t n = lx->indent_alloc;
        lx->indent = grow(lx->indent, n, n * 2, sizeof(uint16_t));
        lx->alt_indent = grow(lx->alt_indent, n, n * 2, sizeof(uint16_t));
        lx->indent_alloc = (uint16_t)(n * 2);
    }
    lx->indent[lx->n_indent] = (uint16_t)col;
    lx->alt_indent[lx->n_indent] = (uint16_t)alt;
    lx->n_indent++;
}

MT_NORETURN static void tab_error(mt_lexer_t *lx) {
    /* CPython raises TabError, a subclass of IndentationError we don't have */
    indent_error(lx, "inconsistent use of tabs and spaces in indentation");
}

static void skip_comment(mt_lexer_t *lx) {
    while (lx->c0 >= 0 && lx->c0 != '\n') {
        advance(lx);
    }
}

/* compare the new line's indentation with the stack: INDENT, DEDENT(s) or nothing */
static bool indent_token(mt_lexer_t *lx, unsigned col, unsigned alt) {
    unsigned top = lx->indent[lx->n_indent - 1], alt_top = lx->alt_indent[lx->n_indent - 1];
    if (col == top) {
        if (alt != alt_top) {
            tab_error(lx);
        }
        return false;
    }
    if (col > top) {
        if (alt <= alt_top) {
            tab_error(lx);
        }
        push_indent(lx, col, alt);
        lx->kind = MT_TOK_INDENT;
        return true;
    }
    unsigned n = 0;
    while (lx->n_indent > 1 && col < lx->indent[lx->n_indent - 1]) {
        lx->n_indent--;
        n++;
    }
    if (col != lx->indent[lx->n_indent - 1]) {
        indent_error(lx, "unindent does not match any outer indentation level");
    }
    if (alt != lx->alt_indent[lx->n_indent - 1]) {
        tab_error(lx);
    }
    lx->pending_dedents = (uint16_t)(n - 1);
    lx->kind = MT_TOK_DEDENT;
    return true;
}

/* At the start of a logical line: skip blank lines, measure the indentation. True when that
 * produced a token (INDENT or DEDENT). At the end of input at_bol stays set. */
static bool start_line(mt_lexer_t *lx) {
    for (;;) {
        unsigned col = 0, alt = 0;
        for (;;) {
            if (lx->c0 == ' ') {
                col++;
                alt++;
            } else if (lx->c0 == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (lx->c0 == '\f') {
                col = alt = 0;
            } else {
                break;
            }
            if (col > 60000) {
                indent_error(lx, "too many levels of indentation");
            }
            advance(lx);
        }
        if (lx->c0 == '#') {
            skip_comment(lx);
        }
        if (lx->c0 == '\n') {
            advance(lx);
            continue;
        }
        if (lx->c0 < 0) {
            return false;
        }
        lx->at_bol = false;
        lx->tok_line = lx->line;
        lx->tok_col = lx->col;
        return !lx->no_indent && indent_token(lx, col, alt);
    }
}

/* spaces, comments and backslash-newline continuations between tokens */
static void skip_space(mt_lexer_t *lx) {
    for (;;) {
        int c = lx->c0;
        if (c == ' ' || c == '\t' || c == '\f') {
            advance(lx);
        } else if (c == '#') {
            skip_comment(lx);
        } else if (c == '\\') {
            if (lx->c1 == '\n') {
                advance(lx);
                advance(lx);
                if (lx->c0 < 0) {
                    eof_error(lx, lx->line, "unexpected EOF while parsing");
                }
            } else if (lx->c1 < 0) {
                eof_error(lx, lx->line, "unexpected EOF while parsing");
            } else {
                mt_lex_error(lx, lx->line,
                             "unexpected character after line continuation character");
            }
        } else {
            return;
        }
    }
}

/* ---- names and keywords */

static const char *const kw_names[] = {
#define X(k) #k,
    MT_KEYWORDS(X)
#undef X
};

static int keyword_kind(const char *s, size_t n) {
    if (n < 2 || n > 8) {
        return -1;
    }
    for (size_t i = 0; i < MT_ARRAY_SIZE(kw_names); i++) {
        const char *k = kw_names[i];
        if (k[0] == s[0] && strlen(k) == n && memcmp(k, s, n) == 0) {
            return MT_TOK_FIRST_KW + (int)i;
        }
    }
    return -1;
}

/* code points that are symbols, not letters (a rough subset of what CPython rejects) */
static bool is_bad_name_char(uint32_t cp) {
    return (cp < 0xc0 && cp != 0xaa && cp != 0xb5 && cp != 0xba) || cp == 0xd7 || cp == 0xf7 ||
           (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf) ||
           (cp >= 0x2190 && cp <= 0x23ff) || (cp >= 0x2460 && cp <= 0x27bf) ||
           (cp >= 0x2900 && cp <= 0x2bff) || (cp >= 0x2e00 && cp <= 0x2e7f) ||
           (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
           (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff01 && cp <= 0xff0f) ||
           (cp >= 0xfff0 && cp <= 0xffff) || (cp >= 0x1f000 && cp <= 0x1faff);
}

/* one non-ASCII character of a name, validated */
static void add_utf8_name_char(mt_lexer_t *lx) {
    size_t start = lx->text.len;
    int c = lx->c0;
    int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    uint32_t cp = (uint32_t)c & (0x3f >> n);
    add_advance(lx);
    for (int i = 0; i < n; i++) {
        cp = (cp << 6) | ((uint32_t)lx->c0 & 0x3f);
        add_advance(lx);
    }
    if (is_bad_name_char(cp)) {
        mt_vstr_add_byte(&lx->text, 0);
        mt_lex_error(lx, lx->tok_line, "invalid character '%s' (U+%04X)", lx->text.buf + start,
                     (unsigned)cp);
    }
}

static int string_prefix(const char *s, size_t n) {
    int flags = 0;
    for (size_t i = 0; i < n; i++) {
        int f = 0;
        switch (s[i] | 0x20) {
        case 'r': f = MT_STR_RAW; break;
        case 'b': f = MT_STR_BYTES; break;
        case 'f': f = MT_STR_F; break;
        case 'u': f = n == 1 ? 8 : -1; break;
        default: return -1;
        }
        if (f < 0 || (flags & f)) {
            return -1;
        }
        flags |= f;
    }
    if ((flags & MT_STR_BYTES) && (flags & MT_STR_F)) {
        return -1;
    }
    return flags & 7;
}

static void lex_string(mt_lexer_t *lx, int flags);

static void lex_name(mt_lexer_t *lx) {
    lx->text.len = 0;
    while (is_name_char(lx->c0)) {
        if (lx->c0 >= 0x80) {
            add_utf8_name_char(lx);
        } else {
            add_advance(lx);
        }
    }
    const char *s = lx->text.buf;
    size_t n = lx->text.len;
    if (n <= 2 && (lx->c0 == '\'' || lx->c0 == '"')) {
        int flags = string_prefix(s, n);
        if (flags >= 0) {
            lex_string(lx, flags);
            return;
        }
    }
    int kw = keyword_kind(s, n);
    if (kw >= 0) {
        lx->kind = (uint8_t)kw;
        return;
    }
    lx->kind = MT_TOK_NAME;
    if (!lx->scan_only) {
        lx->value = MT_NEW_QSTR(mt_qstr_from_strn(s, n));
    }
}

/* ---- numbers */

MT_NORETURN static void bad_number(mt_lexer_t *lx, const char *kind) {
    mt_lex_error(lx, lx->tok_line, "invalid %s literal", kind);
}

/* after a number: a name character may only start one of the keywords CPython tolerates
 * (`1if x else y`) */
static void verify_end(mt_lexer_t *lx, const char *kind) {
    int c = lx->c0, c1 = lx->c1, c2 = lx->c2;
    if (!is_name_char(c)) {
        return;
    }
    if ((c == 'a' && c1 == 'n' && c2 == 'd') || (c == 'e' && c1 == 'l' && c2 == 's') ||
        (c == 'f' && c1 == 'o' && c2 == 'r') ||
        (c == 'i' && (c1 == 'f' || c1 == 'n' || c1 == 's')) ||
        (c == 'n' && c1 == 'o' && c2 == 't') || (c == 'o' && c1 == 'r')) {
        return;
    }
    bad_number(lx, kind);
}

/* decimal digits with single underscores between them; c0 is a digit */
static void scan_digits(mt_lexer_t *lx) {
    for (;;) {
        while (is_digit(lx->c0)) {
            add_advance(lx);
        }
        if (lx->c0 != '_') {
            return;
        }
        advance(lx);
        if (!is_digit(lx->c0)) {
            bad_number(lx, "decimal");
        }
    }
}

static void lex_prefixed_int(mt_lexer_t *lx) {
    int p = lx->c1 | 0x20;
    int base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    add_advance(lx);
    add_advance(lx);
    bool any = false, underscore = false;
    for (;;) {
        underscore = lx->c0 == '_';
        if (underscore) {
            advance(lx);
        }
        int d = hex_value(lx->c0);
        if (d < 0 || d >= base) {
            break;
        }
        any = true;
        add_advance(lx);
    }
    if (is_digit(lx->c0)) {
        mt_lex_error(lx, lx->tok_line, "invalid digit '%c' in %s literal", lx->c0, kind);
    }
    if (!any || underscore) {
        bad_number(lx, kind);
    }
    verify_end(lx, kind);
    if (!lx->scan_only) {
        lx->value = mt_int_parse(lx->text.buf, lx->text.len, 0, true);
    }
}

/* the exponent of a decimal literal, if c0 'e' starts one */
static bool scan_exponent(mt_lexer_t *lx) {
    int c1 = lx->c1;
    if (is_digit(c1) || ((c1 == '+' || c1 == '-') && is_digit(lx->c2))) {
        add_advance(lx);
        if (!is_digit(lx->c0)) {
            add_advance(lx);
        }
        scan_digits(lx);
        return true;
    }
    if (c1 == '+' || c1 == '-') {
        bad_number(lx, "decimal");
    }
    return false;
}

static mt_obj_t small_decimal(const char *s, size_t n) {
    while (n > 1 && s[0] == '0') {
        s++;
        n--;
    }
    if (n > 18) {
        return mt_int_parse(s, n, 0, true);
    }
    long long v = 0;
    for (size_t i = 0; i < n; i++) {
        v = v * 10 + (s[i] - '0');
    }
    return mt_int_from_ll(v);
}

static void lex_number(mt_lexer_t *lx) {
    lx->kind = MT_TOK_NUMBER;
    lx->text.len = 0;
    if (lx->c0 == '0' && strchr("xXoObB", lx->c1) && lx->c1 > 0) {
        lex_prefixed_int(lx);
        return;
    }
    bool is_float = false;
    if (lx->c0 != '.') {
        scan_digits(lx);
    }
    if (lx->c0 == '.') {
        is_float = true;
        add_advance(lx);
        if (is_digit(lx->c0)) {
            scan_digits(lx);
        }
    }
    if ((lx->c0 | 0x20) == 'e' && scan_exponent(lx)) {
        is_float = true;
    }
    bool is_imag = (lx->c0 | 0x20) == 'j';
    if (is_imag) {
        advance(lx);
    }
    const char *s = lx->text.buf;
    size_t n = lx->text.len;
    if (!is_float && !is_imag && s[0] == '0' && n > 1 && strspn(s, "0") != n) {
        mt_lex_error(lx, lx->tok_line,
                     "leading zeros in decimal integer literals are not permitted; "
                     "use an 0o prefix for octal integers");
    }
    verify_end(lx, "decimal");
    if (lx->scan_only) {
        return;
    }
    if (!is_float && !is_imag) {
        lx->value = small_decimal(s, n);
        return;
    }
    mt_obj_t f = mt_float_parse(s, n, true);
    if (is_imag) {
#if MT_CONFIG_COMPLEX
        f = mt_complex_new(0, mt_obj_get_float(f));
#else
        mt_lex_error(lx, lx->tok_line, "complex values not supported");
#endif
    }
    lx->value = f;
}

/* ---- strings */

static size_t put_utf8(char *out, uint32_t cp) {
    uint8_t *o = (uint8_t *)out;
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (uint8_t)(0xc0 | (cp >> 6));
        o[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (uint8_t)(0xe0 | (cp >> 12));
        o[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (uint8_t)(0xf0 | (cp >> 18));
    o[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

MT_NORETURN static void escape_error(mt_lexer_t *lx, uint32_t line, bool is_bytes, size_t pos,
                                     size_t end, const char *what) {
    if (is_bytes) {
        mt_lex_error(lx, line, "(value error) invalid \\x escape at position %u", (unsigned)pos);
    }
    mt_lex_error(lx, line,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %u-%u: %s",
                 (unsigned)pos, (unsigned)end, what);
}

/* n hex digits at s[i..]: the value, or -1 */
static long hex_digits(const char *s, size_t i, size_t len, int n) {
    long v = 0;
    for (int k = 0; k < n; k++) {
        int d = i + k < len ? hex_value((uint8_t)s[i + k]) : -1;
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

static const char simple_escapes[] = "n\nt\tr\r\\\\''\"\"a\ab\bf\fv\v";

size_t mt_lex_decode_escapes(mt_lexer_t *lx, char *s, size_t n, bool is_bytes, uint32_t line) {
    size_t r = 0, w = 0;
    while (r < n) {
        char c = s[r++];
        if (c != '\\' || r >= n) {
            s[w++] = c;
            continue;
        }
        size_t start = r - 1;
        c = s[r++];
        const char *e = c ? strchr(simple_escapes, c) : NULL;
        if (c == '\n') {
            continue;
        } else if (e && (e - simple_escapes) % 2 == 0) {
            s[w++] = e[1];
        } else if (c >= '0' && c <= '7') {
            uint32_t v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && r < n && s[r] >= '0' && s[r] <= '7'; k++) {
                v = v * 8 + (uint32_t)(s[r++] - '0');
            }
            if (is_bytes) {
                s[w++] = (char)(v & 0xff);
            } else {
                w += put_utf8(s + w, v);
            }
        } else if (c == 'x' || (!is_bytes && (c == 'u' || c == 'U'))) {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            long v = hex_digits(s, r, n, nd);
            if (v < 0) {
                escape_error(lx, line, is_bytes, start, r - 1 + nd,
                             c == 'x'   ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape");
            }
            if (v > 0x10ffff) {
                escape_error(lx, line, false, start, r - 1 + nd, "illegal Unicode character");
            }
            r += (size_t)nd;
            if (is_bytes) {
                s[w++] = (char)v;
            } else {
                w += put_utf8(s + w, (uint32_t)v);
            }
        } else if (c == 'N' && !is_bytes) {
            escape_error(lx, line, false, start, r, "unknown Unicode character name");
        } else {
            s[w++] = '\\';
            s[w++] = c;
        }
    }
    return w;
}

/* c0 is the opening quote; the prefix flags are known */
static void lex_string(mt_lexer_t *lx, int flags) {
    lx->kind = MT_TOK_STRING;
    lx->str_flags = (uint8_t)flags;
    lx->text.len = 0;
    int q = lx->c0;
    bool triple = lx->c1 == q && lx->c2 == q;
    advance(lx);
    if (triple) {
        advance(lx);
        advance(lx);
    }
    for (;;) {
        int c = lx->c0;
        if (c < 0) {
            if (triple) {
                lx->hit_eof = true;
                mt_lex_error(lx, lx->tok_line,
                             "unterminated triple-quoted string literal (detected at line %u)",
                             (unsigned)lx->line);
            }
            mt_lex_error(lx, lx->tok_line, "unterminated string literal (detected at line %u)",
                         (unsigned)lx->line);
        }
        if (c == q && (!triple || (lx->c1 == q && lx->c2 == q))) {
            advance(lx);
            if (triple) {
                advance(lx);
                advance(lx);
            }
            break;
        }
        if (c == '\n' && !triple) {
            mt_lex_error(lx, lx->tok_line, "unterminated string literal (detected at line %u)",
                         (unsigned)lx->line);
        }
        if (c == '\\') {
            add_advance(lx);
            c = lx->c0;
            if (c < 0) {
                continue;
            }
        }
        if (c >= 0x80 && (flags & MT_STR_BYTES)) {
            mt_lex_error(lx, lx->tok_line, "bytes can only contain ASCII literal characters");
        }
        add_advance(lx);
    }
    if (!(flags & (MT_STR_RAW | MT_STR_F))) {
        lx->text.len = mt_lex_decode_escapes(lx, lx->text.buf, lx->text.len,
                                             (flags & MT_STR_BYTES) != 0, lx->tok_line);
    }
}

/* ---- operators */

static const char *const tok_spellings[] = {
#define X(k, s) s,
    MT_OPERATORS(X)
#undef X
};

const char *mt_lex_tok_str(int kind) {
    switch (kind) {
    case MT_TOK_END: return "end of input";
    case MT_TOK_NEWLINE: return "newline";
    case MT_TOK_INDENT: return "indent";
    case MT_TOK_DEDENT: return "dedent";
    case MT_TOK_NAME: return "name";
    case MT_TOK_NUMBER: return "number";
    case MT_TOK_STRING: return "string";
    }
    if (MT_TOK_IS_KW(kind)) {
        return kw_names[kind - MT_TOK_FIRST_KW];
    }
    return tok_spellings[kind - MT_TOK_LPAREN];
}

static void open_bracket(mt_lexer_t *lx, int c) {
    if (lx->nest >= MAX_NEST) {
        mt_lex_error(lx, lx->line, "too many nested parentheses");
    }
    if (lx->nest == lx->nest_alloc) {
        size_t n = lx->nest_alloc, m = n ? n * 2 : 8;
        lx->nest_char = grow(lx->nest_char, n, m, 1);
        lx->nest_line = grow(lx->nest_line, n, m, sizeof(uint32_t));
        lx->nest_alloc = (uint16_t)m;
    }
    lx->nest_char[lx->nest] = (uint8_t)c;
    lx->nest_line[lx->nest] = lx->line;
    lx->nest++;
}

static void close_bracket(mt_lexer_t *lx, int c) {
    if (lx->nest == 0) {
        mt_lex_error(lx, lx->line, "unmatched '%c'", c);
    }
    int o = lx->nest_char[lx->nest - 1];
    if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
        uint32_t ol = lx->nest_line[lx->nest - 1];
        if (ol != lx->line) {
            mt_lex_error(lx, lx->line,
                         "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                         "line %u",
                         c, o, (unsigned)ol);
        }
        mt_lex_error(lx, lx->line,
                     "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
    }
    lx->nest--;
}

/* operator tokens: first character -> candidates, longest first */
static int lex_operator(mt_lexer_t *lx) {
    int c = lx->c0, c1 = lx->c1, c2 = lx->c2;
    int k;
    int n = 1;
    switch (c) {
    case '(': open_bracket(lx, c); return MT_TOK_LPAREN;
    case '[': open_bracket(lx, c); return MT_TOK_LBRACKET;
    case '{': open_bracket(lx, c); return MT_TOK_LBRACE;
    case ')': close_bracket(lx, c); return MT_TOK_RPAREN;
    case ']': close_bracket(lx, c); return MT_TOK_RBRACKET;
    case '}': close_bracket(lx, c); return MT_TOK_RBRACE;
    case ',': return MT_TOK_COMMA;
    case ';': return MT_TOK_SEMI;
    case '~': return MT_TOK_TILDE;
    case ':': k = c1 == '=' ? (n = 2, MT_TOK_WALRUS) : MT_TOK_COLON; break;
    case '.': k = c1 == '.' && c2 == '.' ? (n = 3, MT_TOK_ELLIPSIS) : MT_TOK_DOT; break;
    case '=': k = c1 == '=' ? (n = 2, MT_TOK_EQ) : MT_TOK_ASSIGN; break;
    case '!': k = c1 == '=' ? (n = 2, MT_TOK_NE) : -1; break;
    case '@': k = c1 == '=' ? (n = 2, MT_TOK_AT_EQ) : MT_TOK_AT; break;
    case '-':
        k = c1 == '>' ? (n = 2, MT_TOK_ARROW) : c1 == '=' ? (n = 2, MT_TOK_MINUS_EQ) : MT_TOK_MINUS;
        break;
    case '+': k = c1 == '=' ? (n = 2, MT_TOK_PLUS_EQ) : MT_TOK_PLUS; break;
    case '%': k = c1 == '=' ? (n = 2, MT_TOK_PERCENT_EQ) : MT_TOK_PERCENT; break;
    case '&': k = c1 == '=' ? (n = 2, MT_TOK_AMP_EQ) : MT_TOK_AMP; break;
    case '|': k = c1 == '=' ? (n = 2, MT_TOK_VBAR_EQ) : MT_TOK_VBAR; break;
    case '^': k = c1 == '=' ? (n = 2, MT_TOK_CIRCUMFLEX_EQ) : MT_TOK_CIRCUMFLEX; break;
    case '*':
    case '/':
        /* x, x=, xx, xx= */
        k = c == '*' ? MT_TOK_STAR : MT_TOK_SLASH;
        if (c1 == c) {
            k = c == '*' ? MT_TOK_DSTAR : MT_TOK_DSLASH;
            n = 2;
            if (c2 == '=') {
                k++;
                n = 3;
            }
        } else if (c1 == '=') {
            k++;
            n = 2;
        }
        break;
    case '<':
    case '>':
        /* x, x=, xx, xx= ; `<>` is not Python 3 */
        if (c1 == c) {
            k = c == '<' ? MT_TOK_LSHIFT : MT_TOK_RSHIFT;
            n = 2;
            if (c2 == '=') {
                k++;
                n = 3;
            }
        } else if (c1 == '=') {
            k = c == '<' ? MT_TOK_LE : MT_TOK_GE;
            n = 2;
        } else {
            k = c == '<' ? MT_TOK_LT : MT_TOK_GT;
        }
        break;
    default: k = -1; break;
    }
    if (k >= 0) {
        while (--n > 0) {
            advance(lx);
        }
    }
    return k;
}

MT_NORETURN static void bad_char(mt_lexer_t *lx) {
    int c = lx->c0;
    if (c < 0x20 || c == 0x7f) {
        mt_lex_error(lx, lx->line, "invalid non-printable character U+%04X", c);
    }
    mt_lex_error(lx, lx->line, "invalid syntax");
}

static void lex_token(mt_lexer_t *lx) {
    int c = lx->c0;
    if (is_name_start(c)) {
        lex_name(lx);
    } else if (is_digit(c) || (c == '.' && is_digit(lx->c1))) {
        lex_number(lx);
    } else if (c == '\'' || c == '"') {
        lex_string(lx, 0);
    } else {
        int k = lex_operator(lx);
        if (k < 0) {
            bad_char(lx);
        }
        advance(lx);
        lx->kind = (uint8_t)k;
    }
}

/* ---- the token stream */

static void end_of_input(mt_lexer_t *lx) {
    if (lx->col == 0 && lx->line > 1) {
        lx->tok_line = lx->line - 1; /* as CPython: the end is on the last line, not after it */
    }
    if (lx->nest > 0) {
        uint32_t line = lx->nest_line[lx->nest - 1];
        lx->hit_eof = true;
        mt_lex_error(lx, line, "'%c' was never closed", lx->nest_char[lx->nest - 1]);
    }
    if (!lx->at_bol) {
        lx->at_bol = true;
        lx->kind = MT_TOK_NEWLINE;
    } else if (lx->n_indent > 1) {
        lx->n_indent--;
        lx->kind = MT_TOK_DEDENT;
    } else {
        lx->kind = MT_TOK_END;
    }
}

void mt_lex_next(mt_lexer_t *lx) {
    lx->value = MT_NULL;
    lx->str_flags = 0;
    if (lx->text.alloc > 256) {
        mt_vstr_init(&lx->text, 32); /* don't hold a big string's buffer for the whole parse */
    }
    if (lx->pending_dedents) {
        lx->pending_dedents--;
        lx->kind = MT_TOK_DEDENT;
        return;
    }
    for (;;) {
        if (lx->at_bol && lx->nest == 0 && start_line(lx)) {
            return;
        }
        skip_space(lx);
        lx->tok_line = lx->line;
        lx->tok_col = lx->col;
        int c = lx->c0;
        if (c == '\n') {
            advance(lx);
            if (lx->nest == 0) {
                lx->at_bol = true;
                lx->kind = MT_TOK_NEWLINE;
                return;
            }
            continue;
        }
        if (c < 0) {
            end_of_input(lx);
            return;
        }
        lx->at_bol = false;
        lex_token(lx);
        return;
    }
}
