/* The complex type: a pair of C floats, arithmetic and repr as CPython's. */
#include <math.h>

#include "num.h"
#include "runtime.h"

#if MT_CONFIG_COMPLEX

typedef mt_float_t F;

typedef struct {
    mt_obj_base_t base;
    F real, imag;
} complex_t;

typedef struct {
    F re, im;
} c_t;

mt_obj_t mt_complex_new(mt_float_t real, mt_float_t imag) {
    complex_t *o = mt_new_obj(complex_t);
    o->base.type = &mt_type_complex;
    o->real = real;
    o->imag = imag;
    return MT_OBJ_FROM_PTR(o);
}

static mt_obj_t new_c(c_t c) {
    return mt_complex_new(c.re, c.im);
}

/* the complex inside o (or an instance of a complex subclass) */
static bool complex_value(mt_obj_t o, c_t *out) {
    o = mt_obj_native(o);
    if (!MT_IS_TYPE(o, &mt_type_complex)) {
        return false;
    }
    out->re = ((complex_t *)MT_OBJ_TO_PTR(o))->real;
    out->im = ((complex_t *)MT_OBJ_TO_PTR(o))->imag;
    return true;
}

bool mt_obj_get_complex_maybe(mt_obj_t o, mt_float_t *real, mt_float_t *imag) {
    c_t c;
    if (complex_value(o, &c)) {
        *real = c.re;
        *imag = c.im;
        return true;
    }
    *imag = 0;
    return mt_obj_get_float_maybe(o, real);
}

/* ---- printing ------------------------------------------------------------------------------ */

void mt_complex_print(const mt_print_t *p, mt_float_t real, mt_float_t imag) {
    char buf[MT_FLOAT_REPR_MAX];
    if (real == 0 && !signbit(real)) {
        mt_print_strn(p, buf, mt_float_repr(buf, imag, false));
        mt_print_str(p, "j");
        return;
    }
    mt_print_str(p, "(");
    mt_print_strn(p, buf, mt_float_repr(buf, real, false));
    if (isnan(imag) || !signbit(imag)) {
        mt_print_str(p, "+");
    }
    mt_print_strn(p, buf, mt_float_repr(buf, imag, false));
    mt_print_str(p, "j)");
}

static void complex_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    c_t c = {0, 0};
    complex_value(o, &c);
    mt_complex_print(p, c.re, c.im);
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

static c_t c_prod(c_t a, c_t b) {
    c_t r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

/* a / b by Smith's method; *zero set on division by zero */
static c_t c_quot(c_t a, c_t b, bool *zero) {
    F abs_re = fabs(b.re), abs_im = fabs(b.im);
    c_t r;
    if (abs_re >= abs_im) {
        if (abs_re == 0) {
            *zero = true;
            r.re = r.im = 0;
        } else {
            F ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_im >= abs_re) {
        F ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = (F)NAN; /* a nan in b */
    }
    return r;
}

static c_t c_powu(c_t x, long n) {
    c_t r = {1, 0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

static c_t c_pow(c_t a, c_t b, bool *zero) {
    c_t r = {1, 0};
    if (b.re == 0 && b.im == 0) {
        return r;
    }
    if (a.re == 0 && a.im == 0) {
        if (b.im != 0 || b.re < 0) {
            *zero = true;
        }
        r.re = 0;
        return r;
    }
    F vabs = hypot(a.re, a.im), len = pow(vabs, b.re);
    F at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    r.re = len * cos(phase);
    r.im = len * sin(phase);
    return r;
}

static mt_obj_t complex_pow(c_t a, c_t b) {
    bool zero = false;
    c_t r;
    if (b.im == 0 && b.re == floor(b.re) && fabs(b.re) <= 100) {
        long n = (long)b.re;
        c_t one = {1, 0};
        r = n >= 0 ? c_powu(a, n) : c_quot(one, c_powu(a, -n), &zero);
    } else {
        r = c_pow(a, b, &zero);
    }
    if (zero) {
        mt_raise_msg(&mt_type_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if ((isinf(r.re) || isinf(r.im)) && isfinite(a.re) && isfinite(a.im) && isfinite(b.re) &&
        isfinite(b.im)) {
        mt_raise_msg(&mt_type_OverflowError, "complex exponentiation");
    }
    return new_c(r);
}

mt_obj_t mt_complex_binary_op(mt_binop_t op, mt_float_t ar, mt_float_t ai, mt_float_t br,
                              mt_float_t bi) {
    c_t a = {ar, ai}, b = {br, bi};
    switch (op) {
    case MT_BINOP_ADD: return mt_complex_new(ar + br, ai + bi);
    case MT_BINOP_SUB: return mt_complex_new(ar - br, ai - bi);
    case MT_BINOP_MUL: return new_c(c_prod(a, b));
    case MT_BINOP_TRUEDIV: {
        bool zero = false;
        c_t r = c_quot(a, b, &zero);
        if (zero) {
            mt_raise_msg(&mt_type_ZeroDivisionError, "complex division by zero");
        }
        return new_c(r);
    }
    case MT_BINOP_POW: return complex_pow(a, b);
    case MT_BINOP_EQ: return MT_BOOL(ar == br && ai == bi);
    case MT_BINOP_NE: return MT_BOOL(ar != br || ai != bi);
    default: return MT_NULL;
    }
}

static mt_obj_t complex_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    return mt_num_binary_op(op, lhs, rhs);
}

static mt_obj_t complex_unary_op(mt_unop_t op, mt_obj_t o) {
    c_t c = {0, 0};
    complex_value(o, &c);
    switch (op) {
    case MT_UNOP_POS: return MT_IS_TYPE(o, &mt_type_complex) ? o : new_c(c);
    case MT_UNOP_NEG: return mt_complex_new(-c.re, -c.im);
    case MT_UNOP_BOOL: return MT_BOOL(c.re != 0 || c.im != 0);
    case MT_UNOP_NOT: return MT_BOOL(c.re == 0 && c.im == 0);
    case MT_UNOP_ABS: {
        F r = hypot(c.re, c.im);
        if (isinf(r) && isfinite(c.re) && isfinite(c.im)) {
            mt_raise_msg(&mt_type_OverflowError, "absolute value too large");
        }
        return mt_float_new(r);
    }
    case MT_UNOP_HASH: {
        mt_uint_t h = (mt_uint_t)mt_float_hash(c.re) +
                      (mt_uint_t)MT_HASH_IMAG * (mt_uint_t)mt_float_hash(c.im);
        mt_int_t r = (mt_int_t)h;
        return MT_NEW_SMALL_INT(r == -1 ? -2 : r);
    }
    default: return MT_NULL;
    }
}

/* ---- construction -------------------------------------------------------------------------- */

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool word_at(const char *p, const char *e, const char *w) {
    for (; *w; w++, p++) {
        if (p >= e || (*p | 0x20) != *w) {
            return false;
        }
    }
    return true;
}

/* end of the unsigned number token at p (digits . _ exponent, or inf/infinity/nan) */
static const char *scan_number(const char *p, const char *e) {
    if (word_at(p, e, "infinity")) {
        return p + 8;
    }
    if (word_at(p, e, "inf") || word_at(p, e, "nan")) {
        return p + 3;
    }
    while (p < e && ((*p >= '0' && *p <= '9') || *p == '_' || *p == '.')) {
        p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < e && (*q == '+' || *q == '-')) {
            q++;
        }
        if (q < e && *q >= '0' && *q <= '9') {
            while (q < e && ((*q >= '0' && *q <= '9') || *q == '_')) {
                q++;
            }
            p = q;
        }
    }
    return p;
}

/* a signed number starting at *pp: value into *out; false if there is no number (only a sign
 * or nothing), with *pp after the sign */
static bool signed_number(const char **pp, const char *e, F *out, bool *bad) {
    const char *start = *pp, *p = start;
    F sign = 1;
    if (p < e && (*p == '+' || *p == '-')) {
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    const char *end = scan_number(p, e);
    *pp = end;
    if (end == p) {
        *out = sign;
        return false;
    }
    if (!mt_float_parse_maybe(start, (size_t)(end - start), out)) {
        *bad = true;
    }
    return true;
}

static bool parse_complex(const char *s, size_t len, c_t *out) {
    const char *p = s, *e = s + len;
    while (p < e && is_space(*p)) {
        p++;
    }
    while (e > p && is_space(e[-1])) {
        e--;
    }
    if (e - p >= 2 && *p == '(' && e[-1] == ')') {
        p++;
        e--;
        while (p < e && is_space(*p)) {
            p++;
        }
        while (e > p && is_space(e[-1])) {
            e--;
        }
    }
    bool bad = false;
    F x, y;
    bool has_x = signed_number(&p, e, &x, &bad);
    out->re = out->im = 0;
    if (p == e) {
        out->re = x;
        return has_x && !bad;
    }
    if ((*p == 'j' || *p == 'J') && p + 1 == e) {
        out->im = x;
        return !bad;
    }
    if (!has_x || (*p != '+' && *p != '-')) {
        return false;
    }
    signed_number(&p, e, &y, &bad);
    if (p + 1 != e || (*p != 'j' && *p != 'J')) {
        return false;
    }
    out->re = x;
    out->im = y;
    return !bad;
}

static mt_obj_t complex_from_str(mt_obj_t x) {
    size_t len;
    const char *s = mt_str_data(x, &len);
    for (size_t i = 0; i < len; i++) {
        /* an underscore must sit between two digits */
        if (s[i] == '_' && (i == 0 || i + 1 == len || !is_digit(s[i - 1]) || !is_digit(s[i + 1]))) {
            mt_raise_fmt(&mt_type_ValueError, "could not convert string to complex: %R", x);
        }
    }
    c_t c;
    if (!parse_complex(s, len, &c)) {
        mt_raise_value_error("complex() arg is a malformed string");
    }
    return new_c(c);
}

/* a number as a complex part; *is_complex tells whether it was a complex */
static c_t number_arg(mt_obj_t o, bool *is_complex, bool first) {
    c_t c = {0, 0};
    *is_complex = complex_value(o, &c);
    if (*is_complex) {
        return c;
    }
    if (mt_obj_get_float_maybe(o, &c.re)) {
        return c;
    }
    mt_obj_t r = mt_call_method_maybe(o, MT_QSTR___complex__, 0, NULL);
    if (r != MT_NULL && complex_value(r, &c)) {
        *is_complex = true;
        return c;
    }
    if (mt_unary_op_maybe(MT_UNOP_FLOAT, o) != MT_NULL ||
        mt_unary_op_maybe(MT_UNOP_INDEX, o) != MT_NULL) {
        c.re = mt_obj_get_float(o);
        return c;
    }
    mt_raise_fmt(&mt_type_TypeError,
                 first ? "complex() first argument must be a string or a number, not '%q'"
                       : "complex() second argument must be a number, not '%q'",
                 mt_obj_type_name(o));
}

static mt_obj_t complex_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                                 const mt_obj_t *args) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_real, 0, MT_NULL},
        {MT_QSTR_imag, 0, MT_NULL},
    };
    mt_obj_t a[2];
    mt_map_t kw;
    mt_map_init(&kw, n_kw);
    for (size_t i = 0; i < n_kw; i++) {
        mt_map_lookup(&kw, args[n_args + 2 * i], MT_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            args[n_args + 2 * i + 1];
    }
    mt_arg_parse(n_args, args, n_kw ? &kw : NULL, 2, spec, a);
    if (a[0] == MT_NULL && a[1] == MT_NULL) {
        return mt_complex_new(0, 0);
    }
    if (a[0] != MT_NULL && mt_obj_is_str(a[0])) {
        if (a[1] != MT_NULL) {
            mt_raise_type_error("complex() can't take second arg if first is a string");
        }
        return complex_from_str(a[0]);
    }
    if (a[1] != MT_NULL && mt_obj_is_str(a[1])) {
        mt_raise_type_error("complex() second arg can't be a string");
    }
    bool rc = false, ic = false;
    c_t r = {0, 0}, i = {0, 0};
    if (a[0] != MT_NULL) {
        r = number_arg(a[0], &rc, true);
    }
    if (a[1] == MT_NULL) {
        return rc && MT_IS_TYPE(a[0], &mt_type_complex) ? a[0] : new_c(r);
    }
    i = number_arg(a[1], &ic, false);
    c_t out = {r.re, i.re};
    if (ic) {
        out.re -= i.im;
    }
    if (rc) {
        out.im += r.im;
    }
    return new_c(out);
}

/* ---- methods ------------------------------------------------------------------------------- */

static mt_obj_t complex_conjugate(mt_obj_t self) {
    c_t c = {0, 0};
    complex_value(self, &c);
    return mt_complex_new(c.re, -c.im);
}
static MT_DEFINE_FUN_1(complex_conjugate_obj, complex_conjugate);

static void complex_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return;
    }
    c_t c = {0, 0};
    complex_value(o, &c);
    if (attr == MT_QSTR_real) {
        dest[0] = mt_float_new(c.re);
    } else if (attr == MT_QSTR_imag) {
        dest[0] = mt_float_new(c.im);
    }
}

static const mt_map_elem_t complex_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_conjugate), MT_ROM_PTR(&complex_conjugate_obj)},
};
static MT_DEFINE_CONST_MAP(complex_locals, complex_locals_table);

const mt_type_t mt_type_complex = {
    .base = {&mt_type_type},
    .name = MT_QSTR_complex,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = complex_print,
    .make_new = complex_make_new,
    .unary_op = complex_unary_op,
    .binary_op = complex_binary_op,
    .attr = complex_attr,
    .locals = &complex_locals,
};

#else

mt_obj_t mt_complex_new(mt_float_t real, mt_float_t imag) {
    mt_raise_value_error("complex numbers not supported");
}

bool mt_obj_get_complex_maybe(mt_obj_t o, mt_float_t *real, mt_float_t *imag) {
    *imag = 0;
    return mt_obj_get_float_maybe(o, real);
}

mt_obj_t mt_complex_binary_op(mt_binop_t op, mt_float_t ar, mt_float_t ai, mt_float_t br,
                              mt_float_t bi) {
    return MT_NULL;
}

#endif
