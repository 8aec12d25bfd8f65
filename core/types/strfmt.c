/* Formatting: the format-spec mini-language (format(), f-strings, str.format) and the %
 * operator of str and bytes.
 *
 * Everything is written straight into the output vstr: a number's digits are appended first
 * and then rewritten in place with sign, prefix, grouping and padding (finish_number), so
 * formatting allocates nothing but the result. */
#include <math.h>

#include "containers.h"
#include "num.h"
#include "runtime.h"
#include "str.h"
#include "strfmt.h"
#include "unicode.h"

#define EMPTY_STR  MT_NEW_QSTR(MT_QSTR_NULL)
#define TYPE_OF(o) (((mt_obj_base_t *)MT_OBJ_TO_PTR(o))->type)

/* ---- the format spec -------------------------------------------------------------------- */

typedef struct {
    uint32_t fill;  /* code point */
    char align;     /* 0 (default), '<', '>', '^', '=' */
    char sign;      /* 0, '+', '-', ' ' */
    bool alt;       /* '#' */
    bool zero;      /* '0' before the width */
    bool z;         /* 'z': negative zero becomes zero */
    bool has_fill;  /* fill given explicitly */
    char grouping;  /* 0, ',', '_' */
    char type;      /* 0: none */
    mt_int_t width; /* 0: none */
    mt_int_t prec;  /* -1: none */
} spec_t;

static bool is_align(uint8_t c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* digits at *p as a number; ValueError if absurdly many */
static mt_int_t parse_num(const uint8_t **p, const uint8_t *end) {
    mt_int_t n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (n > (0x7fffffff - (**p - '0')) / 10) {
            mt_raise_value_error("Too many decimal digits in format string");
        }
        n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

MT_NORETURN static void invalid_spec(const uint8_t *s, size_t len, mt_obj_t o) {
    mt_raise_fmt(&mt_type_ValueError, "Invalid format specifier '%s' for object of type '%q'",
                 mt_obj_str_cstr(mt_str_new((const char *)s, len)), mt_obj_type_name(o));
}

/* ',' goes with decimal and float types, '_' also with b o x X */
static void check_grouping(const spec_t *sp, char deflt) {
    char t = sp->type ? sp->type : deflt;
    switch (t) {
    case 0:
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'F':
    case 'G':
    case '%': return;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
        if (sp->grouping == '_') return;
        break;
    default: break;
    }
    mt_raise_fmt(&mt_type_ValueError, "Cannot specify '%c' with '%c'.", sp->grouping, t);
}

static void parse_spec(const uint8_t *s, size_t len, spec_t *sp, mt_obj_t o, char deflt) {
    const uint8_t *p = s, *end = s + len;
    memset(sp, 0, sizeof(*sp));
    sp->fill = ' ';
    sp->prec = -1;
    if (p < end) {
        const uint8_t *q = p;
        uint32_t c = mt_utf8_decode(&q);
        if (q < end && is_align(*q)) {
            sp->fill = c;
            sp->has_fill = true;
            sp->align = (char)*q;
            p = q + 1;
        } else if (is_align(*p)) {
            sp->align = (char)*p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) sp->sign = (char)*p++;
    if (p < end && *p == 'z') {
        sp->z = true;
        p++;
    }
    if (p < end && *p == '#') {
        sp->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        sp->zero = true;
        p++;
    }
    sp->width = parse_num(&p, end);
    if (p < end && (*p == ',' || *p == '_')) {
        sp->grouping = (char)*p++;
        if (p < end && (*p == ',' || *p == '_'))
            mt_raise_value_error("Cannot specify both ',' and '_'.");
    }
    if (p < end && *p == '.') {
        p++;
        if (p == end || *p < '0' || *p > '9')
            mt_raise_value_error("Format specifier missing precision");
        sp->prec = parse_num(&p, end);
    }
    if (p < end) sp->type = (char)*p++;
    if (p < end) invalid_spec(s, len, o);
    if (sp->grouping) check_grouping(sp, deflt);
    if (sp->zero && !sp->has_fill) sp->fill = '0';
}

MT_NORETURN static void unknown_code(char type, mt_obj_t o) {
    if (type > 32 && type < 127) {
        mt_raise_fmt(&mt_type_ValueError, "Unknown format code '%c' for object of type '%q'", type,
                     mt_obj_type_name(o));
    }
    mt_raise_fmt(&mt_type_ValueError, "Unknown format code '\\x%x' for object of type '%q'",
                 (unsigned)(uint8_t)type, mt_obj_type_name(o));
}

/* ---- padding and number layout ---------------------------------------------------------- */

static void put_fill(uint8_t *d, uint32_t fill, size_t n, size_t fs) {
    if (fs == 1) {
        memset(d, (int)fill, n);
        return;
    }
    uint8_t enc[4];
    mt_utf8_encode(fill, enc);
    for (size_t i = 0; i < n; i++, d += fs) memcpy(d, enc, fs);
}

/* chars the integer part takes when n digits are grouped by g (0: no grouping), padded with
 * zeros up to at least min chars */
static size_t grouped_len(size_t n, size_t g, size_t min) {
    size_t len = 0, in_group = 0;
    for (size_t i = 0;; i++) {
        if (i >= n && len >= min) break;
        if (g && in_group == g) {
            len++;
            in_group = 0;
        }
        len++;
        in_group++;
    }
    return len;
}

/* write the grouped integer part ending at w (backwards), reading digits backwards from r */
static void write_grouped(uint8_t *w, const uint8_t *r, size_t n, size_t g, char sep,
                          size_t total) {
    size_t in_group = 0, done = 0;
    for (size_t i = 0; done < total; i++) {
        if (g && in_group == g) {
            *--w = (uint8_t)sep;
            done++;
            in_group = 0;
        }
        *--w = i < n ? r[n - 1 - i] : '0';
        done++;
        in_group++;
    }
}

/* out[start..] holds a number's body: n_int integer digits then the rest (fraction,
 * exponent, '%', or "inf"/"nan"). Rewrite it in place with sign, prefix, grouping and padding.
 * Default alignment is right. */
static void finish_number(mt_vstr_t *out, size_t start, size_t n_int, const spec_t *sp, bool neg,
                          const char *prefix) {
    size_t n_rest = out->len - start - n_int;
    char signc = neg ? '-' : (sp->sign == '+' || sp->sign == ' ') ? sp->sign : 0;
    size_t n_sign = signc != 0, n_pre = strlen(prefix);
    if (!n_sign && !n_pre && !sp->grouping && (size_t)sp->width <= n_int + n_rest) return;
    char align = sp->align ? sp->align : sp->zero ? '=' : '>';
    size_t g =
        sp->grouping
            ? ((sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X') ? 4 : 3)
            : 0;
    size_t width = (size_t)sp->width, fixed = n_sign + n_pre + n_rest;
    size_t min_int = (align == '=' && sp->fill == '0' && g && width > fixed) ? width - fixed : 0;
    size_t n_grp = g == 0 ? n_int : n_int ? grouped_len(n_int, g, min_int) : 0;
    size_t total = fixed + n_grp, pad = width > total ? width - total : 0;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    size_t mid = align == '=' ? pad : 0, right = pad - left - mid;
    size_t fs = mt_utf8_size(sp->fill);
    if ((uint64_t)pad * fs + total > 0x7ffffff0u) mt_raise_memory_error();
    size_t final = pad * fs + total;
    mt_vstr_extend(out, final - (out->len - start));
    uint8_t *base = (uint8_t *)out->buf + start, *w = base + final;
    w -= right * fs;
    put_fill(w, sp->fill, right, fs);
    w -= n_rest;
    memmove(w, base + n_int, n_rest);
    if (g == 0) {
        memmove(w - n_int, base, n_int);
    } else if (n_grp) {
        write_grouped(w, base, n_int, g, sp->grouping, n_grp);
    }
    w = base;
    put_fill(w, sp->fill, left, fs);
    w += left * fs;
    if (signc) *w++ = (uint8_t)signc;
    memcpy(w, prefix, n_pre);
    put_fill(w + n_pre, sp->fill, mid, fs);
}

/* out[start..] holds text of n_chars code points: pad it (default alignment left) */
static void finish_text(mt_vstr_t *out, size_t start, size_t n_chars, const spec_t *sp,
                        char deflt) {
    if ((size_t)sp->width <= n_chars) return;
    size_t pad = (size_t)sp->width - n_chars, fs = mt_utf8_size(sp->fill);
    if ((uint64_t)pad * fs + (out->len - start) > 0x7ffffff0u) mt_raise_memory_error();
    char align = sp->align ? sp->align : deflt;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0, right = pad - left;
    size_t n = out->len - start;
    mt_vstr_extend(out, pad * fs);
    uint8_t *base = (uint8_t *)out->buf + start;
    memmove(base + left * fs, base, n);
    put_fill(base, sp->fill, left, fs);
    put_fill(base + left * fs + n, sp->fill, right, fs);
}

/* ---- ints ------------------------------------------------------------------------------- */

/* append the digits of |v| in base (lower/upper case) */
static void add_uint(mt_vstr_t *out, mt_uint_t v, int base, bool upper) {
    char buf[sizeof(mt_uint_t) * 8];
    char *p = buf + sizeof(buf);
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--p = digits[v % (mt_uint_t)base];
        v /= (mt_uint_t)base;
    } while (v);
    mt_vstr_add_strn(out, p, (size_t)(buf + sizeof(buf) - p));
}

/* append the digits of int i (no sign); true if negative */
static bool add_int_digits(mt_vstr_t *out, mt_obj_t i, int base, bool upper) {
    if (MT_IS_SMALL_INT(i)) {
        mt_int_t v = MT_SMALL_INT_VALUE(i);
        add_uint(out, v < 0 ? (mt_uint_t)0 - (mt_uint_t)v : (mt_uint_t)v, base, upper);
        return v < 0;
    }
    size_t at = out->len;
    mt_int_format(out, i, base, upper, false);
    bool neg = out->buf[at] == '-';
    if (neg) {
        memmove(out->buf + at, out->buf + at + 1, out->len - at - 1);
        out->len--;
    }
    return neg;
}

static mt_obj_t int_value(mt_obj_t o) {
    if (o == MT_TRUE) return MT_NEW_SMALL_INT(1);
    if (o == MT_FALSE) return MT_NEW_SMALL_INT(0);
    return mt_int_unwrap(o);
}

static void format_float_spec(mt_vstr_t *out, mt_float_t f, const spec_t *sp, mt_obj_t o);

static void format_char(mt_vstr_t *out, mt_obj_t i, const spec_t *sp) {
    mt_int_t c;
    if (!mt_obj_get_int_maybe(i, &c)) {
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C long");
    }
    if (c < 0 || c > 0x10ffff)
        mt_raise_msg(&mt_type_OverflowError, "%c arg not in range(0x110000)");
    size_t start = out->len;
    mt_vstr_add_char(out, (uint32_t)c);
    finish_text(out, start, 1, sp, '<');
}

static void format_int_spec(mt_vstr_t *out, mt_obj_t o, const spec_t *sp) {
    mt_obj_t i = int_value(o);
    char t = sp->type;
    switch (t) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': format_float_spec(out, mt_int_to_float(i), sp, o); return;
    case 0:
    case 'd':
    case 'n':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'c': break;
    default: unknown_code(t, o);
    }
    if (sp->prec >= 0) mt_raise_value_error("Precision not allowed in integer format specifier");
    if (sp->z)
        mt_raise_value_error("Negative zero coercion (z) not allowed in integer format specifier");
    if (t == 'c') {
        if (sp->sign) mt_raise_value_error("Sign not allowed with integer format specifier 'c'");
        if (sp->alt)
            mt_raise_value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'");
        format_char(out, i, sp);
        return;
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    const char *prefix = !sp->alt || base == 10 ? ""
                         : base == 2            ? "0b"
                         : base == 8            ? "0o"
                         : t == 'X'             ? "0X"
                                                : "0x";
    size_t start = out->len;
    bool neg = add_int_digits(out, i, base, t == 'X');
    finish_number(out, start, out->len - start, sp, neg, prefix);
}

/* ---- floats and complex ----------------------------------------------------------------- */

/* a '.' after the n_int integer digits at out[start..] unless there is one (the '#' form) */
static void add_point(mt_vstr_t *out, size_t start, size_t n_int) {
    if (n_int == 0 || memchr(out->buf + start, '.', out->len - start) != NULL) return;
    mt_vstr_extend(out, 1);
    char *d = out->buf + start + n_int;
    memmove(d + 1, d, out->len - 1 - start - n_int);
    *d = '.';
}

/* append f's digits for the spec's type (no sign); returns the integer digit count and
 * whether the value is negative (after 'z' coercion) */
static size_t add_float_body(mt_vstr_t *out, mt_float_t f, const spec_t *sp, char type, bool *neg) {
    size_t start = out->len;
    if (sp->prec > 64) { /* room for the digits first: MemoryError now, not after the work */
        mt_vstr_extend(out, (size_t)sp->prec + 32);
        out->len = start;
    }
    mt_float_format(out, f, type == 'n' ? 'g' : type, (int)sp->prec, sp->alt);
    *neg = out->buf[start] == '-';
    if (*neg) {
        memmove(out->buf + start, out->buf + start + 1, out->len - start - 1);
        out->len--;
    }
    size_t n_int = 0;
    while (start + n_int < out->len && out->buf[start + n_int] >= '0' &&
           out->buf[start + n_int] <= '9') {
        n_int++;
    }
    if (type == 0 && sp->alt) add_point(out, start, n_int); /* '#' keeps the point: 1.e+16 */
    if (*neg && sp->z) {
        bool all_zero = true;
        for (size_t i = start; i < out->len && all_zero; i++) {
            char c = out->buf[i];
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') all_zero = false;
        }
        if (all_zero && f > -1) *neg = false; /* not -inf */
    }
    return n_int;
}

static void format_float_spec(mt_vstr_t *out, mt_float_t f, const spec_t *sp, mt_obj_t o) {
    char t = sp->type;
    switch (t) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
    case 'n': break;
    default: unknown_code(t, o);
    }
    size_t start = out->len;
    bool neg;
    size_t n_int = add_float_body(out, f, sp, t, &neg);
    finish_number(out, start, n_int, sp, neg, "");
}

/* complex parts in repr form print 1, not 1.0 (and 1. with '#') */
static void drop_dot_0(mt_vstr_t *out, size_t start, char type, size_t n_int, bool alt) {
    if (type != 'r') return;
    if (out->len - start >= 2 && out->buf[out->len - 1] == '0' && out->buf[out->len - 2] == '.') {
        out->len -= 2;
    }
    if (alt) add_point(out, start, n_int);
}

static void format_complex_spec(mt_vstr_t *out, mt_obj_t o, const spec_t *sp) {
    mt_float_t re, im;
    mt_obj_get_complex_maybe(o, &re, &im);
    char t = sp->type;
    switch (t) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n': break;
    default: unknown_code(t, o);
    }
    if (sp->fill == '0') {
        mt_raise_value_error("Zero padding is not allowed in complex format specifier");
    }
    if (sp->align == '=') {
        mt_raise_value_error("'=' alignment flag is not allowed in complex format specifier");
    }
    spec_t part = *sp;
    part.width = 0;
    part.align = 0;
    part.fill = ' ';
    char pt = t == 0 ? (sp->prec < 0 ? 'r' : 'g') : t;
    bool parens = t == 0, skip_re = t == 0 && re == 0 && !signbit(re);
    size_t start = out->len;
    if (parens && !skip_re) mt_vstr_add_byte(out, '(');
    if (!skip_re) {
        size_t s = out->len;
        bool neg;
        size_t n = add_float_body(out, re, &part, pt, &neg);
        drop_dot_0(out, s, pt, n, sp->alt);
        finish_number(out, s, n, &part, neg, "");
        part.sign = '+';
    }
    size_t s = out->len;
    bool neg;
    size_t n = add_float_body(out, im, &part, pt, &neg);
    drop_dot_0(out, s, pt, n, sp->alt);
    finish_number(out, s, n, &part, neg, "");
    mt_vstr_add_byte(out, 'j');
    if (parens && !skip_re) mt_vstr_add_byte(out, ')');
    finish_text(out, start, out->len - start, sp, '>');
}

/* ---- str -------------------------------------------------------------------------------- */

static void format_str_spec(mt_vstr_t *out, mt_obj_t o, const spec_t *sp) {
    if (sp->type != 0 && sp->type != 's') unknown_code(sp->type, o);
    if (sp->sign == ' ') mt_raise_value_error("Space not allowed in string format specifier");
    if (sp->sign) mt_raise_value_error("Sign not allowed in string format specifier");
    if (sp->z) {
        mt_raise_value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if (sp->alt) mt_raise_value_error("Alternate form (#) not allowed in string format specifier");
    if (sp->align == '=')
        mt_raise_value_error("'=' alignment not allowed in string format specifier");
    size_t len;
    const uint8_t *s = (const uint8_t *)mt_str_get(o, &len);
    size_t n_chars = mt_utf8_charlen(s, len);
    if (sp->prec >= 0 && (size_t)sp->prec < n_chars) {
        len = (size_t)(mt_utf8_skip(s, s + len, (size_t)sp->prec) - s);
        n_chars = (size_t)sp->prec;
    }
    size_t start = out->len;
    mt_vstr_add_strn(out, (const char *)s, len);
    finish_text(out, start, n_chars, sp, '<');
}

/* ---- format(): dispatch ----------------------------------------------------------------- */

static void add_str_obj(mt_vstr_t *out, mt_obj_t s) {
    size_t len;
    const char *d = mt_str_get(s, &len);
    mt_vstr_add_strn(out, d, len);
}

/* format o with spec s[0..len) onto out */
static void format_to(mt_vstr_t *out, mt_obj_t o, const uint8_t *s, size_t len) {
    spec_t sp;
    if (MT_IS_SMALL_INT(o) || MT_IS_QSTR(o) || o == MT_TRUE || o == MT_FALSE ||
        (MT_IS_OBJ(o) && !MT_IS_INSTANCE(o))) {
        const mt_type_t *t = mt_type_of(o);
        if (len == 0) {
            if (MT_IS_SMALL_INT(o)) {
                mt_int_t v = MT_SMALL_INT_VALUE(o);
                if (v < 0) mt_vstr_add_byte(out, '-');
                add_uint(out, v < 0 ? (mt_uint_t)0 - (mt_uint_t)v : (mt_uint_t)v, 10, false);
                return;
            }
            if (t == &mt_type_str) {
                add_str_obj(out, o);
                return;
            }
            if (t == &mt_type_float) {
                mt_float_format(out, mt_obj_get_float(o), 'r', -1, false);
                return;
            }
            if (t == &mt_type_int) {
                mt_int_format(out, o, 10, false, false);
                return;
            }
        }
        if (t == &mt_type_int || t == &mt_type_bool || t == &mt_type_float || t == &mt_type_str ||
            t == &mt_type_complex) {
            if (len == 0) {
                add_str_obj(out, mt_obj_str(o));
                return;
            }
            parse_spec(s, len, &sp, o,
                       t == &mt_type_str                                ? 's'
                       : (t == &mt_type_float || t == &mt_type_complex) ? 0
                                                                        : 'd');
            if (t == &mt_type_str) {
                format_str_spec(out, o, &sp);
            } else if (t == &mt_type_float) {
                format_float_spec(out, mt_obj_get_float(o), &sp, o);
            } else if (t == &mt_type_complex) {
                format_complex_spec(out, o, &sp);
            } else {
                format_int_spec(out, o, &sp);
            }
            return;
        }
    }
    mt_obj_t dest[2];
    if (mt_load_method_maybe(o, MT_QSTR___format__, dest) &&
        !(MT_IS_INSTANCE(o) && MT_IS_TYPE(dest[0], &mt_type_fun_builtin))) {
        mt_obj_t args[3] = {dest[0], dest[1], mt_str_new((const char *)s, len)};
        mt_obj_t r = mt_call_method(1, 0, args);
        if (!mt_obj_is_str(r)) {
            mt_raise_fmt(&mt_type_TypeError, "__format__ must return a str, not %q",
                         mt_obj_type_name(r));
        }
        add_str_obj(out, r);
        return;
    }
    mt_obj_t native = MT_IS_INSTANCE(o) ? mt_obj_native(o) : o;
    if (native != o && native != MT_NULL) {
        if (len == 0) {
            add_str_obj(out, mt_obj_str(o));
        } else {
            format_to(out, native, s, len);
        }
        return;
    }
    if (len != 0) {
        mt_raise_fmt(&mt_type_TypeError, "unsupported format string passed to %q.__format__",
                     mt_obj_type_name(o));
    }
    add_str_obj(out, mt_obj_str(o));
}

/* the text of a spec argument (MT_NULL: "") */
static const char *spec_text(mt_obj_t spec, size_t *len) {
    *len = 0;
    if (spec == MT_NULL) return "";
    if (!mt_obj_is_str(spec)) {
        mt_raise_fmt(&mt_type_TypeError, "format() argument 2 must be str, not %q",
                     mt_obj_type_name(spec));
    }
    return mt_str_get(spec, len);
}

void mt_format_vstr(mt_vstr_t *out, mt_obj_t o, mt_obj_t spec) {
    size_t len;
    const char *s = spec_text(spec, &len);
    format_to(out, o, (const uint8_t *)s, len);
}

mt_obj_t mt_format_obj(mt_obj_t o, mt_obj_t spec) {
    size_t len;
    const char *s = spec_text(spec, &len);
    if (len == 0 && (MT_IS_QSTR(o) || MT_IS_TYPE(o, &mt_type_str))) return o;
    /* size the buffer for the result: the text of a str, then the width (the first number
     * of the spec) */
    size_t cap = 16, olen;
    if (MT_IS_QSTR(o) || MT_IS_TYPE(o, &mt_type_str)) {
        mt_str_data(o, &olen);
        cap += olen;
    }
    const char *d = s;
    while (d < s + len && (*d < '1' || *d > '9')) d++;
    size_t w = 0;
    while (d < s + len && *d >= '0' && *d <= '9' && w < 100000) w = w * 10 + (size_t)(*d++ - '0');
    if (w < 1024 && 16 + w > cap) cap = 16 + w; /* a big width: let the formatting grow it */
    mt_vstr_t out;
    mt_str_vstr_init(&out, cap);
    format_to(&out, o, (const uint8_t *)s, len);
    return mt_str_new_from_vstr(&out);
}

/* __format__ of the built-in types (str, int, float, complex, bool): formats the built-in
 * value itself, so super().__format__(spec) in a subclass does not come back to the
 * subclass's own __format__ */
static mt_obj_t format_method(mt_obj_t self, mt_obj_t spec) {
    if (!mt_obj_is_str(spec)) {
        mt_raise_fmt(&mt_type_TypeError, "format() argument 2 must be str, not %q",
                     mt_obj_type_name(spec));
    }
    mt_obj_t o = MT_IS_INSTANCE(self) ? mt_obj_native(self) : self;
    if (o == MT_NULL || MT_IS_INSTANCE(o)) return mt_format_obj(self, spec);
    return mt_format_obj(o, spec);
}
MT_DEFINE_FUN_2(mt_format_method_obj, format_method);

/* ---- conversions ------------------------------------------------------------------------ */

mt_obj_t mt_obj_ascii(mt_obj_t o) {
    mt_obj_t r = mt_obj_repr(o);
    size_t len;
    const uint8_t *s = (const uint8_t *)mt_str_get(r, &len);
    if (mt_str_get_charlen(r) == len) return r;
    mt_vstr_t out;
    mt_print_t pr;
    mt_str_vstr_init(&out, len + 8);
    mt_vstr_printer(&out, &pr);
    for (const uint8_t *p = s, *end = s + len; p < end;) {
        if (*p < 0x80) {
            mt_vstr_add_byte(&out, *p++);
            continue;
        }
        uint32_t c = mt_utf8_decode(&p);
        mt_printf(&pr, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
    }
    return mt_str_new_from_vstr(&out);
}

mt_obj_t mt_format_convert(mt_obj_t o, int c) {
    switch (c) {
    case 'r': return mt_obj_repr(o);
    case 's': return mt_obj_str(o);
    case 'a': return mt_obj_ascii(o);
    default: return o;
    }
}

/* ---- str.format ------------------------------------------------------------------------- */

typedef struct {
    const mt_obj_t *args; /* positional arguments (after self) */
    size_t n_args;
    mt_map_t *kw;     /* keyword arguments, or NULL */
    mt_obj_t mapping; /* format_map's mapping, or MT_NULL */
    int next_auto;    /* next automatic field number; -1 after a manual one */
    bool used_auto;
} fmtargs_t;

static bool all_digits(const uint8_t *s, size_t n) {
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

static mt_int_t digits_value(const uint8_t *s, size_t n) {
    mt_int_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > (0x7fffffff - (s[i] - '0')) / 10) {
            mt_raise_value_error("Too many decimal digits in format string");
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

MT_NORETURN static void raise_key_error(mt_obj_t key) {
    mt_raise(mt_exc_new(&mt_type_KeyError, 1, &key));
}

static mt_obj_t positional(fmtargs_t *fa, mt_int_t i) {
    if (fa->mapping != MT_NULL) mt_raise_value_error("Format string contains positional fields");
    if ((size_t)i >= fa->n_args) {
        mt_raise_fmt(&mt_type_IndexError,
                     "Replacement index %d out of range for positional args tuple", (int)i);
    }
    return fa->args[i];
}

static mt_obj_t named(fmtargs_t *fa, const uint8_t *name, size_t n) {
    if (fa->mapping != MT_NULL) {
        return mt_subscr(fa->mapping, mt_str_new((const char *)name, n), MT_SENTINEL);
    }
    mt_qstr_t q = mt_qstr_find_strn((const char *)name, n);
    mt_map_elem_t *e = q && fa->kw ? mt_map_lookup(fa->kw, MT_NEW_QSTR(q), MT_MAP_LOOKUP) : NULL;
    if (e == NULL) raise_key_error(mt_str_new((const char *)name, n));
    return e->value;
}

/* the object a field name designates: arg_name ('.' attr | '[' key ']')* */
static mt_obj_t get_field(fmtargs_t *fa, const uint8_t *s, const uint8_t *end) {
    const uint8_t *p = s;
    while (p < end && *p != '.' && *p != '[') p++;
    mt_obj_t o;
    if (p == s) {
        if (fa->next_auto < 0) {
            mt_raise_value_error(
                "cannot switch from manual field specification to automatic field numbering");
        }
        fa->used_auto = true;
        o = positional(fa, fa->next_auto++);
    } else if (all_digits(s, (size_t)(p - s))) {
        if (fa->used_auto) {
            mt_raise_value_error(
                "cannot switch from automatic field numbering to manual field specification");
        }
        fa->next_auto = -1;
        o = positional(fa, digits_value(s, (size_t)(p - s)));
    } else {
        o = named(fa, s, (size_t)(p - s));
    }
    while (p < end) {
        const uint8_t *a = ++p;
        if (p[-1] == '.') {
            while (p < end && *p != '.' && *p != '[') p++;
            if (p == a) mt_raise_value_error("Empty attribute in format string");
            o = mt_load_attr(o, mt_qstr_from_strn((const char *)a, (size_t)(p - a)));
            continue;
        }
        while (p < end && *p != ']') p++;
        if (p == end) mt_raise_value_error("Missing ']' in format string");
        if (p == a) mt_raise_value_error("Empty attribute in format string");
        size_t n = (size_t)(p - a);
        mt_obj_t key = all_digits(a, n) ? MT_NEW_SMALL_INT(digits_value(a, n))
                                        : mt_str_new((const char *)a, n);
        o = mt_subscr(o, key, MT_SENTINEL);
        p++;
        if (p < end && *p != '.' && *p != '[') {
            mt_raise_value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return o;
}

static void vformat(mt_vstr_t *out, const uint8_t *s, size_t len, fmtargs_t *fa, int depth);

/* one replacement field starting after its '{'; returns the position after its '}' */
static const uint8_t *format_field(mt_vstr_t *out, const uint8_t *p, const uint8_t *end,
                                   fmtargs_t *fa, int depth) {
    const uint8_t *name = p;
    bool in_br = false;
    for (; p < end; p++) {
        uint8_t c = *p;
        if (c == '[')
            in_br = true;
        else if (c == ']')
            in_br = false;
        else if (!in_br && (c == '!' || c == ':' || c == '}'))
            break;
        else if (!in_br && c == '{')
            mt_raise_value_error("unexpected '{' in field name");
    }
    if (p == end) mt_raise_value_error("expected '}' before end of string");
    const uint8_t *name_end = p;
    int conv = 0;
    if (*p == '!') {
        if (++p == end)
            mt_raise_value_error("end of string while looking for conversion specifier");
        conv = *p++;
        if (p == end) mt_raise_value_error("unmatched '{' in format spec");
        if (*p != ':' && *p != '}') mt_raise_value_error("expected ':' after conversion specifier");
    }
    const uint8_t *spec = p, *spec_end = p;
    bool nested = false;
    if (*p == ':') {
        spec = ++p;
        int level = 0;
        for (; p < end; p++) {
            if (*p == '{') {
                level++;
                nested = true;
            } else if (*p == '}') {
                if (level == 0) break;
                level--;
            }
        }
        if (p == end) mt_raise_value_error("expected '}' before end of string");
        spec_end = p;
    }
    mt_obj_t o = get_field(fa, name, name_end);
    if (conv) {
        if (conv != 'r' && conv != 's' && conv != 'a') {
            mt_raise_fmt(&mt_type_ValueError, "Unknown conversion specifier %c", conv);
        }
        o = mt_format_convert(o, conv);
    }
    if (nested) {
        if (depth >= 1) mt_raise_value_error("Max string recursion exceeded");
        mt_vstr_t tmp;
        mt_vstr_init(&tmp, 16);
        vformat(&tmp, spec, (size_t)(spec_end - spec), fa, depth + 1);
        format_to(out, o, (const uint8_t *)tmp.buf, tmp.len);
        mt_vstr_clear(&tmp);
    } else {
        format_to(out, o, spec, (size_t)(spec_end - spec));
    }
    return p + 1;
}

static void vformat(mt_vstr_t *out, const uint8_t *s, size_t len, fmtargs_t *fa, int depth) {
    const uint8_t *p = s, *end = s + len;
    while (p < end) {
        const uint8_t *q = p;
        while (q < end && *q != '{' && *q != '}') q++;
        mt_vstr_add_strn(out, (const char *)p, (size_t)(q - p));
        if (q == end) break;
        if (q + 1 < end && q[1] == *q) { /* {{ or }} */
            mt_vstr_add_byte(out, *q);
            p = q + 2;
            continue;
        }
        if (*q == '}') mt_raise_value_error("Single '}' encountered in format string");
        if (q + 1 == end) mt_raise_value_error("Single '{' encountered in format string");
        p = format_field(out, q + 1, end, fa, depth);
    }
}

static mt_obj_t do_format(mt_obj_t self, fmtargs_t *fa) {
    size_t len;
    const char *s = mt_str_get(self, &len);
    mt_vstr_t out;
    mt_str_vstr_init(&out, len + 16);
    vformat(&out, (const uint8_t *)s, len, fa, 0);
    return mt_str_new_from_vstr(&out);
}

mt_obj_t mt_str_format(size_t n_args, const mt_obj_t *args, mt_map_t *kw) {
    fmtargs_t fa = {args + 1, n_args - 1, kw, MT_NULL, 0, false};
    return do_format(args[0], &fa);
}

mt_obj_t mt_str_format_map(mt_obj_t self, mt_obj_t mapping) {
    fmtargs_t fa = {NULL, 0, NULL, mapping, 0, false};
    return do_format(self, &fa);
}

/* ---- the % operator --------------------------------------------------------------------- */

typedef struct {
    const mt_obj_t *items;
    size_t n, next;
    mt_obj_t mapping; /* for %(name)s, or MT_NULL */
    bool is_bytes;
} pctargs_t;

static mt_obj_t next_arg(pctargs_t *pa) {
    if (pa->next >= pa->n) mt_raise_type_error("not enough arguments for format string");
    return pa->items[pa->next++];
}

static void add_text(mt_vstr_t *out, const spec_t *sp, mt_obj_t s) {
    size_t len;
    const uint8_t *d = (const uint8_t *)mt_str_get(s, &len);
    size_t n_chars = mt_utf8_charlen(d, len);
    if (sp->prec >= 0 && (size_t)sp->prec < n_chars) {
        len = (size_t)(mt_utf8_skip(d, d + len, (size_t)sp->prec) - d);
        n_chars = (size_t)sp->prec;
    }
    size_t start = out->len;
    mt_vstr_add_strn(out, (const char *)d, len);
    finish_text(out, start, n_chars, sp, '>');
}

static void add_bytes_text(mt_vstr_t *out, const spec_t *sp, mt_obj_t o) {
    mt_buffer_info_t info;
    if (!mt_get_buffer(o, &info, MT_BUFFER_READ)) {
        mt_obj_t b =
            MT_IS_INSTANCE(o) ? mt_call_method_maybe(o, MT_QSTR___bytes__, 0, NULL) : MT_NULL;
        if (b == MT_NULL || !mt_get_buffer(b, &info, MT_BUFFER_READ)) {
            mt_raise_fmt(&mt_type_TypeError,
                         "%%b requires a bytes-like object, or an object that implements "
                         "__bytes__, not '%q'",
                         mt_obj_type_name(o));
        }
    }
    size_t len = info.len;
    if (sp->prec >= 0 && (size_t)sp->prec < len) len = (size_t)sp->prec;
    size_t start = out->len;
    mt_vstr_add_strn(out, info.buf, len);
    finish_text(out, start, len, sp, '>');
}

/* %d %i %u %o %x %X */
static void pct_int(mt_vstr_t *out, spec_t *sp, mt_obj_t o, char t) {
    mt_obj_t i;
    if (mt_obj_is_int(o)) {
        i = int_value(o);
    } else if ((t == 'd' || t == 'i' || t == 'u') && mt_type_of(o) == &mt_type_float) {
        i = mt_int_from_float(mt_obj_get_float(o));
    } else if (MT_IS_INSTANCE(o)) {
        mt_obj_t r = mt_call_method_maybe(o, MT_QSTR___index__, 0, NULL);
        if (r == MT_NULL && (t == 'd' || t == 'i' || t == 'u')) {
            r = mt_call_method_maybe(o, MT_QSTR___int__, 0, NULL);
        }
        if (r == MT_NULL) goto bad;
        i = int_value(r);
    } else {
        goto bad;
    }
    int base = t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    size_t start = out->len;
    bool neg = add_int_digits(out, i, base, t == 'X');
    size_t n = out->len - start;
    if (sp->prec > 0 && (size_t)sp->prec > n) { /* precision: minimum digits */
        size_t z = (size_t)sp->prec - n;
        mt_vstr_extend(out, z);
        memmove(out->buf + start + z, out->buf + start, n);
        memset(out->buf + start, '0', z);
    }
    const char *prefix = !sp->alt || base == 10 ? "" : base == 8 ? "0o" : t == 'X' ? "0X" : "0x";
    sp->type = 'd';
    finish_number(out, start, out->len - start, sp, neg, prefix);
    return;
bad:
    if (t == 'd' || t == 'i' || t == 'u') {
        mt_raise_fmt(&mt_type_TypeError, "%%%c format: a real number is required, not %q", t,
                     mt_obj_type_name(o));
    }
    mt_raise_fmt(&mt_type_TypeError, "%%%c format: an integer is required, not %q", t,
                 mt_obj_type_name(o));
}

static void pct_float(mt_vstr_t *out, spec_t *sp, mt_obj_t o, char t) {
    mt_float_t f;
    if (!mt_obj_get_float_maybe(o, &f)) {
        mt_obj_t r =
            MT_IS_INSTANCE(o) ? mt_call_method_maybe(o, MT_QSTR___float__, 0, NULL) : MT_NULL;
        if (r == MT_NULL || !mt_obj_get_float_maybe(r, &f)) {
            mt_raise_fmt(&mt_type_TypeError, "must be real number, not %q", mt_obj_type_name(o));
        }
    }
    if (sp->prec < 0) sp->prec = 6;
    size_t start = out->len;
    bool neg;
    size_t n_int = add_float_body(out, f, sp, t, &neg);
    finish_number(out, start, n_int, sp, neg, "");
}

static void pct_char(mt_vstr_t *out, spec_t *sp, mt_obj_t o, bool is_bytes) {
    size_t start = out->len;
    if (mt_obj_is_int(o)) {
        mt_int_t c;
        if (is_bytes) {
            if (!mt_obj_get_int_maybe(o, &c) || c < 0 || c > 255) {
                mt_raise_msg(&mt_type_OverflowError, "%c arg not in range(256)");
            }
            mt_vstr_add_byte(out, (uint8_t)c);
        } else {
            if (!mt_obj_get_int_maybe(o, &c) || c < 0 || c > 0x10ffff) {
                mt_raise_msg(&mt_type_OverflowError, "%c arg not in range(0x110000)");
            }
            mt_vstr_add_char(out, (uint32_t)c);
        }
    } else if (!is_bytes && mt_obj_is_str(o) && mt_str_get_charlen(o) == 1) {
        add_str_obj(out, o);
    } else if (is_bytes && (MT_IS_TYPE(o, &mt_type_bytes) || MT_IS_TYPE(o, &mt_type_bytearray)) &&
               mt_len(o) == 1) {
        size_t len;
        mt_vstr_add_strn(out, (const char *)mt_bytes_get(o, &len), 1);
    } else {
        mt_raise_type_error(is_bytes ? "%c requires an integer in range(256) or a single byte"
                                     : "%c requires int or char");
    }
    finish_text(out, start, 1, sp, '>');
}

/* one conversion: flags etc. are parsed into sp; t is the type character */
static void pct_convert(mt_vstr_t *out, spec_t *sp, mt_obj_t o, char t, bool is_bytes, size_t at) {
    if (t == 's' || t == 'b' || t == 'r' || t == 'a' || t == 'c') { /* '0' pads numbers only */
        sp->fill = ' ';
        if (sp->align == '=') sp->align = 0;
    }
    switch (t) {
    case 's':
    case 'b':
        if (is_bytes) {
            add_bytes_text(out, sp, o);
        } else if (t == 's') {
            add_text(out, sp, mt_obj_str(o));
        } else {
            goto unsupported;
        }
        return;
    case 'r':
    case 'a': add_text(out, sp, (t == 'a' || is_bytes) ? mt_obj_ascii(o) : mt_obj_repr(o)); return;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': pct_int(out, sp, o, t); return;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': pct_float(out, sp, o, t); return;
    case 'c': pct_char(out, sp, o, is_bytes); return;
    default: break;
    }
unsupported:
    mt_raise_fmt(&mt_type_ValueError, "unsupported format character '%c' (0x%x) at index %u", t,
                 (unsigned)(uint8_t)t, (unsigned)at);
}

static mt_int_t star_arg(pctargs_t *pa) {
    mt_obj_t o = next_arg(pa);
    if (!mt_obj_is_int(o)) mt_raise_type_error("* wants int");
    return mt_obj_get_int(o);
}

/* parse flags, width, precision after '%' (and after a %(name)); returns the type char */
static const uint8_t *pct_spec(const uint8_t *p, const uint8_t *end, spec_t *sp, pctargs_t *pa) {
    memset(sp, 0, sizeof(*sp));
    sp->fill = ' ';
    sp->prec = -1;
    for (; p < end; p++) {
        if (*p == '-')
            sp->align = '<';
        else if (*p == '+')
            sp->sign = '+';
        else if (*p == ' ')
            sp->sign = sp->sign ? sp->sign : ' ';
        else if (*p == '#')
            sp->alt = true;
        else if (*p == '0')
            sp->zero = true;
        else
            break;
    }
    if (p < end && *p == '*') {
        mt_int_t w = star_arg(pa);
        if (w < 0) {
            sp->align = '<';
            w = -w;
        }
        sp->width = w;
        p++;
    } else {
        sp->width = parse_num(&p, end);
    }
    if (p < end && *p == '.') {
        p++;
        if (p < end && *p == '*') {
            sp->prec = star_arg(pa);
            if (sp->prec < 0) sp->prec = 0;
            p++;
        } else {
            sp->prec = parse_num(&p, end);
        }
    }
    while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
    if (p == end) mt_raise_value_error("incomplete format");
    if (sp->zero && sp->align != '<') {
        sp->fill = '0';
        sp->align = '=';
    }
    return p;
}

static bool is_mapping(mt_obj_t o) {
    if (!MT_IS_OBJ(o) || mt_obj_is_str(o) || mt_isinstance(o, &mt_type_tuple)) return false;
    if (mt_obj_is_dict(o) || mt_isinstance(o, &mt_type_list)) return true;
    return MT_IS_INSTANCE(o) && mt_load_attr_maybe(o, MT_QSTR___getitem__) != MT_NULL;
}

static mt_obj_t pct_key(pctargs_t *pa, const uint8_t **pp, const uint8_t *end, bool is_bytes) {
    const uint8_t *p = *pp + 1, *k = p;
    int level = 1;
    for (; p < end; p++) {
        if (*p == '(') level++;
        if (*p == ')' && --level == 0) break;
    }
    if (p == end) mt_raise_value_error("incomplete format key");
    if (pa->mapping == MT_NULL) mt_raise_type_error("format requires a mapping");
    *pp = p + 1;
    pa->next = pa->n; /* no positional arguments after a keyed one */
    mt_obj_t key =
        is_bytes ? mt_bytes_new(k, (size_t)(p - k)) : mt_str_new((const char *)k, (size_t)(p - k));
    return mt_subscr(pa->mapping, key, MT_SENTINEL);
}

mt_obj_t mt_str_modulo(mt_obj_t fmt, mt_obj_t args, bool is_bytes) {
    size_t len;
    const uint8_t *s = is_bytes ? mt_bytes_get(fmt, &len) : (const uint8_t *)mt_str_get(fmt, &len);
    pctargs_t pa = {&args, 1, 0, MT_NULL, is_bytes};
    if (MT_IS_TYPE(args, &mt_type_tuple) ||
        (MT_IS_INSTANCE(args) && mt_isinstance(args, &mt_type_tuple))) {
        mt_obj_t *items;
        mt_tuple_get(mt_obj_native(args), &pa.n, &items);
        pa.items = items;
    } else if (is_mapping(args)) {
        pa.mapping = args;
    }
    mt_vstr_t out;
    mt_str_vstr_init(&out, len + 16);
    const uint8_t *p = s, *end = s + len;
    while (p < end) {
        const uint8_t *q = memchr(p, '%', (size_t)(end - p));
        if (q == NULL) q = end;
        mt_vstr_add_strn(&out, (const char *)p, (size_t)(q - p));
        if (q == end) break;
        p = q + 1;
        if (p == end) mt_raise_value_error("incomplete format");
        if (*p == '%') {
            mt_vstr_add_byte(&out, '%');
            p++;
            continue;
        }
        mt_obj_t arg = MT_NULL;
        if (*p == '(') arg = pct_key(&pa, &p, end, is_bytes);
        spec_t sp;
        p = pct_spec(p, end, &sp, &pa);
        char t = (char)*p++;
        if (t == '%') {
            mt_vstr_add_byte(&out, '%');
            continue;
        }
        if (arg == MT_NULL) arg = next_arg(&pa);
        pct_convert(&out, &sp, arg, t, is_bytes, (size_t)(p - 1 - s));
    }
    if (pa.next < pa.n && pa.mapping == MT_NULL) {
        mt_raise_type_error(is_bytes ? "not all arguments converted during bytes formatting"
                                     : "not all arguments converted during string formatting");
    }
    return is_bytes ? mt_bytes_new_from_vstr(&out) : mt_str_new_from_vstr(&out);
}
