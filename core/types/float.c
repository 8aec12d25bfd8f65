/* The float type: boxed C floats (all access goes through mt_float_new / mt_obj_get_float so
 * the representation can change), CPython's repr, formatting, hashing and rounding. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "mpz.h"
#include "num.h"
#include "runtime.h"

#if MT_CONFIG_FLOAT_DOUBLE
#define STRTOF           strtod
#define SHORTEST_FIRST   DBL_DIG       /* digits that always survive a round trip */
#define SHORTEST_MAX     (DBL_DIG + 2) /* digits that always identify a float */
#define FREXP            frexp
#define LDEXP            ldexp
#define MAX_ROUND_DIGITS 323
#define FLT_MIN_NORMAL   DBL_MIN
#else
#define FLT_MIN_NORMAL   FLT_MIN
#define STRTOF           strtof
#define SHORTEST_FIRST   FLT_DIG
#define SHORTEST_MAX     (FLT_DIG + 3)
#define FREXP            frexpf
#define LDEXP            ldexpf
#define MAX_ROUND_DIGITS 48
#endif

typedef mt_float_t F;

mt_obj_t mt_float_new(mt_float_t f) {
    mt_float_obj_t *o = mt_new_obj(mt_float_obj_t);
    o->base.type = &mt_type_float;
    o->value = f;
    return MT_OBJ_FROM_PTR(o);
}

/* the float inside o (a float or an instance of a float subclass), or false */
static bool float_value(mt_obj_t o, F *out) {
    if (MT_IS_OBJ(o)) {
        if (MT_IS_INSTANCE(o)) {
            o = ((mt_instance_t *)MT_OBJ_TO_PTR(o))->native;
            if (!MT_IS_OBJ(o)) {
                return false;
            }
        }
        if (MT_IS_FLOAT(o)) {
            *out = mt_float_value(o);
            return true;
        }
    }
    return false;
}

bool mt_obj_get_float_maybe(mt_obj_t o, mt_float_t *out) {
    if (MT_IS_SMALL_INT(o)) {
        *out = (F)MT_SMALL_INT_VALUE(o);
        return true;
    }
    if (float_value(o, out)) {
        return true;
    }
    mt_obj_t i = mt_int_unwrap(o);
    if (i != MT_NULL) {
        *out = mt_int_to_float(i);
        return true;
    }
    return false;
}

mt_float_t mt_obj_get_float(mt_obj_t o) {
    F f;
    if (mt_obj_get_float_maybe(o, &f)) {
        return f;
    }
    mt_obj_t r = mt_unary_op_maybe(MT_UNOP_FLOAT, o);
    if (r != MT_NULL && float_value(r, &f)) {
        return f;
    }
    if (r != MT_NULL) {
        mt_raise_fmt(&mt_type_TypeError, "%q.__float__ returned non-float (type %q)",
                     mt_obj_type_name(o), mt_obj_type_name(r));
    }
    r = mt_unary_op_maybe(MT_UNOP_INDEX, o);
    if (r != MT_NULL && mt_obj_is_int(r)) {
        return mt_int_to_float(r);
    }
    mt_raise_fmt(&mt_type_TypeError, "must be real number, not %q", mt_obj_type_name(o));
}

/* ---- parsing ------------------------------------------------------------------------------- */

/* ---- decimal conversions --------------------------------------------------------------------
 * Both directions are correctly rounded. Where the C library is known to be (glibc) strtod and
 * printf("%.*e") do the work; elsewhere (picolibc on the chip) exact arithmetic on big ints
 * does, with the usual fast path for short decimals. */

#ifndef MT_FLOAT_EXACT_LIBC
#if defined(__GLIBC__)
#define MT_FLOAT_EXACT_LIBC 1
#else
#define MT_FLOAT_EXACT_LIBC 0
#endif
#endif

#if MT_CONFIG_FLOAT_DOUBLE
#define FAST_DIGITS 15 /* decimals this short are exact doubles */
#define FAST_POW10  22 /* 10**k exact up to here */
#define MAX_DEC_EXP 310
#define MIN_DEC_EXP -330
#else
#define FAST_DIGITS 7
#define FAST_POW10  10
#define MAX_DEC_EXP 40
#define MIN_DEC_EXP -50
#endif

/* d[0..nd) (decimal digits) * 10**e10, correctly rounded */
static F decimal_to_float(const char *d, size_t nd, long e10) {
    while (nd > 0 && *d == '0') {
        d++;
        nd--;
    }
    while (nd > 0 && d[nd - 1] == '0') {
        nd--;
        e10++;
    }
    if (nd == 0) {
        return 0;
    }
    if ((long)nd + e10 > MAX_DEC_EXP) {
        return (F)INFINITY;
    }
    if ((long)nd + e10 < MIN_DEC_EXP) {
        return 0;
    }
    if (nd <= FAST_DIGITS && e10 >= -FAST_POW10 && e10 <= FAST_POW10) {
        /* both exact, so one correctly rounded operation */
        uint64_t v = 0;
        for (size_t i = 0; i < nd; i++) {
            v = v * 10 + (uint64_t)(d[i] - '0');
        }
        F p = 1;
        for (long k = e10 < 0 ? -e10 : e10; k > 0; k--) {
            p *= 10;
        }
        return e10 < 0 ? (F)v / p : (F)v * p;
    }
#if MT_FLOAT_EXACT_LIBC
    char stackbuf[64];
    size_t cap = nd + 24;
    char *buf = cap <= sizeof(stackbuf) ? stackbuf : mt_alloc(cap);
    memcpy(buf, d, nd);
    snprintf(buf + nd, cap - nd, "e%ld", e10);
    F r = STRTOF(buf, NULL);
    if (buf != stackbuf) {
        mt_free(buf);
    }
    return r;
#else
    mt_obj_t m = mt_mpz_parse_digits(d, nd, 10);
    mt_obj_t p = mt_int_binary_op(MT_BINOP_POW, MT_NEW_SMALL_INT(10),
                                  MT_NEW_SMALL_INT(e10 < 0 ? -e10 : e10));
    mt_mpz_buf_t b1, b2;
    F r;
    bool ok;
    if (e10 >= 0) {
        ok = mt_mpz_to_float(mt_mpz_of(mt_int_binary_op(MT_BINOP_MUL, m, p), &b1), &r);
    } else {
        ok = mt_mpz_truediv(mt_mpz_of(m, &b1), mt_mpz_of(p, &b2), &r);
    }
    return ok ? r : (F)INFINITY;
#endif
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static bool word_is(const char *p, const char *e, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(e - p) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != w[i]) {
            return false;
        }
    }
    return true;
}

/* copy digits with single underscores between them from *pp into out (if not NULL); returns
 * the count of digits (0 if none), -1 if an underscore is misplaced */
static int take_digits(const char **pp, const char *e, char *out, size_t *n) {
    const char *p = *pp;
    int count = 0;
    while (p < e && (is_digit(*p) || *p == '_')) {
        if (*p == '_') {
            if (count == 0 || p + 1 >= e || !is_digit(p[1])) {
                return -1;
            }
        } else {
            if (out != NULL) {
                out[(*n)++] = *p;
            }
            count++;
        }
        p++;
    }
    *pp = p;
    return count;
}

/* the exponent digits at *pp (validated by take_digits) as a long, saturating */
static long exponent_value(const char *p, const char *e) {
    long v = 0;
    for (; p < e; p++) {
        if (is_digit(*p) && v < 100000000) {
            v = v * 10 + (*p - '0');
        }
    }
    return v;
}

/* parse a float; false if malformed. *imag set (literal only) for a trailing j */
static bool parse_float(const char *s, size_t len, bool literal, F *out, bool *imag) {
    const char *p = s, *e = s + len;
    if (!literal) {
        while (p < e && is_space(*p)) {
            p++;
        }
        while (e > p && is_space(e[-1])) {
            e--;
        }
    } else if (e > p && (e[-1] == 'j' || e[-1] == 'J')) {
        *imag = true;
        e--;
    }
    bool neg = false;
    if (!literal && p < e && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    if (!literal && (word_is(p, e, "inf") || word_is(p, e, "infinity"))) {
        *out = neg ? -(F)INFINITY : (F)INFINITY;
        return true;
    }
    if (!literal && word_is(p, e, "nan")) {
        *out = neg ? -(F)NAN : (F)NAN;
        return true;
    }
    char stackbuf[64];
    size_t cap = (size_t)(e - p) + 1, n = 0;
    char *digits = cap <= sizeof(stackbuf) ? stackbuf : mt_alloc(cap);
    int ni = take_digits(&p, e, digits, &n), nf = 0;
    if (ni < 0) {
        return false;
    }
    if (p < e && *p == '.') {
        p++;
        nf = take_digits(&p, e, digits, &n);
        if (nf < 0) {
            return false;
        }
    }
    if (ni + nf == 0) {
        return false;
    }
    long e10 = 0;
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        bool eneg = p < e && *p == '-';
        p += p < e && (*p == '+' || *p == '-');
        const char *start = p;
        if (take_digits(&p, e, NULL, NULL) <= 0) {
            return false;
        }
        e10 = exponent_value(start, p);
        e10 = eneg ? -e10 : e10;
    }
    if (p != e) {
        return false;
    }
    F f = decimal_to_float(digits, n, e10 - nf);
    *out = neg ? -f : f;
    if (digits != stackbuf) {
        mt_free(digits);
    }
    return true;
}

bool mt_float_parse_maybe(const char *s, size_t len, mt_float_t *out) {
    bool imag = false;
    return parse_float(s, len, false, out, &imag);
}

mt_obj_t mt_float_parse(const char *s, size_t len, bool is_literal) {
    F f;
    bool imag = false;
    if (!parse_float(s, len, is_literal, &f, &imag)) {
        if (is_literal) {
            mt_raise_msg(&mt_type_SyntaxError, "invalid syntax");
        }
        mt_raise_fmt(&mt_type_ValueError, "could not convert string to float: %R",
                     mt_str_new(s, len));
    }
#if MT_CONFIG_COMPLEX
    if (imag) {
        return mt_complex_new(0, f);
    }
#endif
    return mt_float_new(f);
}

/* Decimal digits of a finite f > 0: s[0..n) (no trailing zeros; n == 0 means the value rounded
 * to zero) with value 0.s1s2... * 10**decpt. */
typedef struct {
    char *s;
    int n;
    int decpt;
    char buf[40];
} digits_t;

static char *digits_room(digits_t *d, size_t n) {
    d->s = n <= sizeof(d->buf) ? d->buf : mt_alloc(n);
    return d->s;
}

static void digits_free(digits_t *d) {
    if (d->s != d->buf) {
        mt_free(d->s);
    }
}

static void strip_zeros(digits_t *d) {
    while (d->n > 0 && d->s[d->n - 1] == '0') {
        d->n--;
    }
    int lead = 0;
    while (lead < d->n && d->s[lead] == '0') {
        lead++;
    }
    if (lead > 0) {
        memmove(d->s, d->s + lead, (size_t)(d->n - lead));
        d->n -= lead;
        d->decpt -= lead;
    }
}

#if !MT_FLOAT_EXACT_LIBC
/* keep the first `keep` digits of s[0..len) rounded half to even into d (d->decpt set by the
 * caller; bumped when 99.. carries) */
static void round_digits_to(digits_t *d, const char *s, int len, int keep) {
    if (keep >= len) {
        memcpy(d->s, s, (size_t)len);
        d->n = len;
        return;
    }
    bool up = false;
    if (keep >= 0) {
        char c = s[keep];
        up = c > '5';
        if (c == '5') {
            bool rest = false;
            for (int i = keep + 1; i < len && !rest; i++) {
                rest = s[i] != '0';
            }
            up = rest || (keep > 0 && ((s[keep - 1] - '0') & 1));
        }
    }
    int n = keep > 0 ? keep : 0;
    memcpy(d->s, s, (size_t)n);
    if (up) {
        while (n > 0 && d->s[n - 1] == '9') {
            n--;
        }
        if (n == 0) {
            /* 99..9 (or nothing, keep == 0) rounds up to 1 at the next place */
            d->s[0] = '1';
            n = 1;
            d->decpt++;
        } else {
            d->s[n - 1]++;
        }
    }
    d->n = n;
}

/* the exact decimal expansion of finite f > 0 (heap digits) */
static void exact_decimal(F f, digits_t *d) {
    int e;
    F m = FREXP(f, &e);
    uint64_t mi = (uint64_t)LDEXP(m, MT_FLOAT_MANT_DIG);
    e -= MT_FLOAT_MANT_DIG;
    while (!(mi & 1) && e < 0) {
        mi >>= 1;
        e++;
    }
    mt_obj_t n = mt_int_from_ull(mi);
    int shift10 = 0;
    if (e >= 0) {
        n = mt_int_binary_op(MT_BINOP_LSHIFT, n, MT_NEW_SMALL_INT(e));
    } else {
        n = mt_int_binary_op(
            MT_BINOP_MUL, n,
            mt_int_binary_op(MT_BINOP_POW, MT_NEW_SMALL_INT(5), MT_NEW_SMALL_INT(-e)));
        shift10 = -e;
    }
    mt_vstr_t v;
    mt_vstr_init(&v, 32);
    mt_int_format(&v, n, 10, false, false);
    d->s = v.buf;
    d->n = (int)v.len;
    d->decpt = (int)v.len - shift10;
    strip_zeros(d);
}
#endif

#if defined(__SIZEOF_INT128__) && MT_CONFIG_FLOAT_DOUBLE && !defined(MT_FLOAT_NO_FAST128)
/* Exact digit generation in 128-bit integers for the common range of magnitudes (the slower
 * general paths below handle the rest). f = M * 2**e is scaled by 10**t into A / D, with
 * A = M 2^max(e,0) 10^max(t,0) and D = 2^max(-e,0) 10^max(-t,0), and rounded half to even. */
#define FAST128 1
typedef unsigned __int128 u128;

static int bitlen128(u128 v) {
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? 128 - __builtin_clzll(hi) : (uint64_t)v ? 64 - __builtin_clzll((uint64_t)v) : 0;
}

static u128 pow10_128(int k) {
    u128 p = 1;
    while (k-- > 0) {
        p *= 10;
    }
    return p;
}

typedef struct {
    uint64_t m; /* f == m * 2**e, m < 2**53 */
    int e;
} parts_t;

/* Q = round(f * 10**t). *back: 1 if Q * 10**-t reads back as f, else 2 if (Q + 1) * 10**-t
 * does (possible when f is a power of two: the gap below it is narrower), else 0.
 * False when out of range. */
static bool scaled_round(const parts_t *f, int t, u128 *q, int *back) {
    if (t > 38 || t < -38 || f->e > 70 || f->e < -126) {
        return false;
    }
    u128 p10 = pow10_128(t < 0 ? -t : t);
    u128 a = f->m, d = 1, g; /* g = A / m: twice the half gap in the same units */
    if (f->e > 0) {
        a <<= f->e;
    }
    if (t > 0) {
        if (bitlen128(a) + bitlen128(p10) > 127) {
            return false;
        }
        a *= p10;
    }
    g = a / f->m;
    if (f->e < 0) {
        d <<= -f->e;
    }
    if (t < 0) {
        if (bitlen128(d) + bitlen128(p10) > 126) {
            return false;
        }
        d *= p10;
    }
    u128 quo, rem;
    if (t >= 0) {
        quo = a >> (f->e < 0 ? -f->e : 0);
        rem = a & (d - 1);
    } else {
        quo = a / d;
        rem = a % d;
    }
    bool up = 2 * rem > d || (2 * rem == d && (quo & 1));
    u128 err = up ? d - rem : rem;
    quo += up;
    /* the gap below f is half as wide when m is a power of two (but not the smallest float) */
    bool narrow = !up && rem != 0 && f->m == ((uint64_t)1 << 52) && f->e > -1074;
    u128 lhs = narrow ? 4 * err : 2 * err;
    bool even = !(f->m & 1);
    *back = lhs < g || (lhs == g && even);
    if (!*back && !up) {
        u128 err_up = 2 * (d - rem);
        *back = err_up < g || (err_up == g && even) ? 2 : 0;
    }
    *q = quo;
    return true;
}

/* decimal digits of q into s; returns the count */
static int u128_digits(u128 q, char *s) {
    char tmp[40];
    int n = 0;
    uint64_t lo = (uint64_t)q, hi = 0;
    if (q >> 64) {
        const uint64_t p19 = 10000000000000000000ULL;
        hi = (uint64_t)(q / p19);
        lo = (uint64_t)(q % p19);
        for (int i = 0; i < 19; i++) {
            tmp[n++] = (char)('0' + lo % 10);
            lo /= 10;
        }
        lo = hi;
    }
    do {
        tmp[n++] = (char)('0' + lo % 10);
        lo /= 10;
    } while (lo != 0);
    for (int i = 0; i < n; i++) {
        s[i] = tmp[n - 1 - i];
    }
    return n;
}

/* p significant digits of f (exact); false when out of the fast range */
static bool fast_sig_digits(const parts_t *f, int p, u128 *q, int *k, int *back) {
    if (p > 38) {
        return false;
    }
    /* k = floor(log10 f), first estimated from the binary exponent, then corrected */
    int e2 = f->e + 64 - __builtin_clzll(f->m); /* f in [2**(e2-1), 2**e2) */
    *k = ((e2 - 1) * 78913) >> 18;
    u128 lo = pow10_128(p - 1), hi = lo * 10;
    for (int tries = 0; tries < 3; tries++) {
        if (!scaled_round(f, p - 1 - *k, q, back)) {
            return false;
        }
        if (*q >= hi) {
            (*k)++;
        } else if (*q < lo) {
            (*k)--;
        } else {
            return true;
        }
    }
    return false;
}

static bool fast_digits(F f, char mode, int prec, digits_t *d) {
    int e;
    parts_t x;
    x.m = (uint64_t)ldexp(frexp(f, &e), 53);
    x.e = e - 53;
    if (x.e < -1074) {
        return false; /* subnormal: the general paths */
    }
    u128 q;
    int back, k;
    if (mode == 'f') {
        if (!scaled_round(&x, prec, &q, &back)) {
            return false;
        }
        d->s = d->buf;
        d->n = q == 0 ? 0 : u128_digits(q, d->buf);
        d->decpt = d->n - prec;
    } else if (mode == 'e') {
        if (!fast_sig_digits(&x, prec, &q, &k, &back)) {
            return false;
        }
        d->s = d->buf;
        d->n = u128_digits(q, d->buf);
        d->decpt = k + 1;
    } else {
        int p = SHORTEST_FIRST;
        for (;; p++) {
            if (!fast_sig_digits(&x, p, &q, &k, &back)) {
                return false;
            }
            if (back || p >= SHORTEST_MAX) {
                break;
            }
        }
        q += back == 2;
        d->s = d->buf;
        d->n = u128_digits(q, d->buf);
        d->decpt = k + 1 + (d->n - p);
    }
    strip_zeros(d);
    return true;
}
#endif

/* the p digits in d (not stripped) read back as f; or, for a power of two f (whose gap below
 * is narrower), the next p-digit decimal above does: then d becomes that */
static bool shortest_check(F f, digits_t *d) {
    F y = decimal_to_float(d->s, (size_t)d->n, d->decpt - d->n);
    if (y == f) {
        return true;
    }
    int e;
    if (y > f || FREXP(f, &e) != (F)0.5) {
        return false;
    }
    int i = d->n - 1;
    while (i >= 0 && d->s[i] == '9') {
        d->s[i--] = '0';
    }
    if (i < 0) {
        d->s[0] = '1';
        d->decpt++;
    } else {
        d->s[i]++;
    }
    return decimal_to_float(d->s, (size_t)d->n, d->decpt - d->n) == f;
}

/* f > 0 finite to digits: mode 'e' keeps prec significant digits, mode 'f' prec digits after
 * the point, mode 'r' the fewest digits that read back as f */
static void float_to_digits(F f, char mode, int prec, digits_t *d) {
#ifdef FAST128
    if (fast_digits(f, mode, prec, d)) {
        return;
    }
#endif
#if MT_FLOAT_EXACT_LIBC
    if (mode == 'f') {
        int len = snprintf(NULL, 0, "%.*f", prec, (double)f);
        char *s = digits_room(d, (size_t)len + 1);
        snprintf(s, (size_t)len + 1, "%.*f", prec, (double)f);
        char *dot = strchr(s, '.');
        d->decpt = dot ? (int)(dot - s) : len;
        if (dot) {
            memmove(dot, dot + 1, strlen(dot));
            len--;
        }
        d->n = len;
        strip_zeros(d);
        return;
    }
    char tmp[40];
    int p = mode == 'e' ? prec : SHORTEST_FIRST;
    size_t cap = (size_t)(p > SHORTEST_MAX ? p : SHORTEST_MAX) + 10;
    char *b = cap <= sizeof(tmp) ? tmp : mt_alloc(cap);
    char *s = digits_room(d, cap);
    if (mode == 'r' && f < FLT_MIN_NORMAL) {
        p = 1; /* fewer digits identify a subnormal: search from 1 */
    }
    for (;; p++) {
        snprintf(b, cap, "%.*e", p - 1, (double)f);
        int n = 0;
        const char *q = b;
        for (; *q != 'e'; q++) {
            if (is_digit(*q)) {
                s[n++] = *q;
            }
        }
        d->n = n;
        d->decpt = atoi(q + 1) + 1;
        if (mode == 'e' || p >= SHORTEST_MAX || shortest_check(f, d)) {
            break;
        }
    }
    strip_zeros(d);
    if (b != tmp) {
        mt_free(b);
    }
#else
    digits_t x;
    exact_decimal(f, &x);
    d->decpt = x.decpt;
    if (mode == 'f') {
        digits_room(d, (size_t)(x.n > 0 ? x.n : 1) + 1);
        round_digits_to(d, x.s, x.n, x.decpt + prec);
    } else if (mode == 'e') {
        digits_room(d, (size_t)(prec > x.n ? prec : x.n) + 1);
        round_digits_to(d, x.s, x.n, prec);
    } else {
        digits_room(d, (size_t)(x.n > SHORTEST_MAX ? x.n : SHORTEST_MAX) + 1);
        for (int p = f < FLT_MIN_NORMAL ? 1 : SHORTEST_FIRST;; p++) {
            d->decpt = x.decpt;
            round_digits_to(d, x.s, x.n, p);
            while (d->n < p) {
                d->s[d->n++] = '0';
            }
            if (p >= SHORTEST_MAX || shortest_check(f, d)) {
                break;
            }
        }
    }
    mt_free(x.s);
    strip_zeros(d);
#endif
}

typedef struct {
    bool use_exp;
    bool upper;
    bool alt;       /* always a point */
    bool dot_zero;  /* integral fixed notation gets ".0" */
    int min_digits; /* pad with zeros to this many significant digits */
} layout_t;

/* write digits[0..n) (n >= 1) with decimal point position decpt into out (room for the
 * caller's bound); returns the length */
static size_t layout(char *out, const char *digits, int n, int decpt, const layout_t *l) {
    char *o = out;
    int total = n > l->min_digits ? n : l->min_digits;
    if (l->use_exp) {
        *o++ = digits[0];
        if (total > 1 || l->alt) {
            *o++ = '.';
        }
        for (int i = 1; i < total; i++) {
            *o++ = i < n ? digits[i] : '0';
        }
        int e = decpt - 1;
        *o++ = l->upper ? 'E' : 'e';
        *o++ = e < 0 ? '-' : '+';
        e = e < 0 ? -e : e;
        if (e >= 100) {
            *o++ = (char)('0' + e / 100);
        }
        *o++ = (char)('0' + e / 10 % 10);
        *o++ = (char)('0' + e % 10);
        return (size_t)(o - out);
    }
    if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++) {
            *o++ = '0';
        }
        for (int i = 0; i < total; i++) {
            *o++ = i < n ? digits[i] : '0';
        }
        return (size_t)(o - out);
    }
    int i = 0;
    for (; i < decpt; i++) {
        *o++ = i < n ? digits[i] : '0';
    }
    if (i < total) {
        *o++ = '.';
        for (; i < total; i++) {
            *o++ = i < n ? digits[i] : '0';
        }
    } else if (l->dot_zero) {
        *o++ = '.';
        *o++ = '0';
    } else if (l->alt) {
        *o++ = '.';
    }
    return (size_t)(o - out);
}

/* fixed notation with exactly prec digits after the point */
static size_t layout_fixed(char *out, const digits_t *d, int prec, bool alt) {
    char *o = out;
    if (d->n == 0 || d->decpt <= 0) {
        *o++ = '0';
    } else {
        for (int i = 0; i < d->decpt; i++) {
            *o++ = i < d->n ? d->s[i] : '0';
        }
    }
    if (prec > 0 || alt) {
        *o++ = '.';
    }
    for (int k = 0; k < prec; k++) {
        int i = d->decpt + k;
        *o++ = i >= 0 && i < d->n ? d->s[i] : '0';
    }
    return (size_t)(o - out);
}

static void digits_zero(digits_t *d) {
    d->s = d->buf;
    d->buf[0] = '0';
    d->n = 1;
    d->decpt = 1;
}

/* shortest repr of finite f >= 0 (sign handled by the caller) into buf (48 bytes) */
static size_t repr_finite(char *buf, F f, bool dot_zero) {
    digits_t d;
    digits_zero(&d);
    if (f != 0) {
        float_to_digits(f, 'r', 0, &d);
    }
    layout_t l = {d.decpt <= -4 || d.decpt > 16, false, false, dot_zero, 0};
    size_t n = layout(buf, d.s, d.n, d.decpt, &l);
    digits_free(&d);
    return n;
}

static size_t special_str(char *buf, F f, bool upper) {
    const char *s = isnan(f) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    size_t n = 0;
    if (isinf(f) && f < 0) {
        buf[n++] = '-';
    }
    memcpy(buf + n, s, 3);
    return n + 3;
}

/* repr into buf (48 bytes) */
static size_t repr_to_buf(char *buf, F f, bool dot_zero) {
    if (!isfinite(f)) {
        return special_str(buf, f, false);
    }
    size_t n = 0;
    if (signbit(f)) {
        buf[n++] = '-';
        f = -f;
    }
    return n + repr_finite(buf + n, f, dot_zero);
}

size_t mt_float_repr(char *buf, mt_float_t f, bool dot_zero) {
    return repr_to_buf(buf, f, dot_zero);
}

void mt_float_print(const mt_print_t *p, mt_float_t f) {
    char buf[MT_FLOAT_REPR_MAX];
    mt_print_strn(p, buf, repr_to_buf(buf, f, true));
}

void mt_float_format(mt_vstr_t *out, mt_float_t f, char type, int prec, bool alt) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (type == '%') {
        f *= 100;
    }
    if (!isfinite(f)) {
        char buf[8];
        mt_vstr_add_strn(out, buf, special_str(buf, f, upper));
        if (type == '%') {
            mt_vstr_add_byte(out, '%');
        }
        return;
    }
    if (type == 'r' || (type == '\0' && prec < 0)) {
        char buf[MT_FLOAT_REPR_MAX];
        mt_vstr_add_strn(out, buf, repr_to_buf(buf, f, true));
        return;
    }
    if (prec < 0) {
        prec = 6;
    }
    if (signbit(f)) {
        mt_vstr_add_byte(out, '-');
        f = -f;
    }
    digits_t d;
    digits_zero(&d);
    size_t bound, n;
    char *dst;
    if (type == 'f' || type == 'F' || type == '%') {
        if (f != 0) {
            float_to_digits(f, 'f', prec, &d);
        }
        bound = (size_t)(d.decpt > 0 ? d.decpt : 1) + (size_t)prec + 4;
        dst = mt_vstr_extend(out, bound);
        n = layout_fixed(dst, &d, prec, alt);
        if (type == '%') {
            dst[n++] = '%';
        }
    } else if (type == 'e' || type == 'E') {
        if (f != 0) {
            float_to_digits(f, 'e', prec + 1, &d);
        }
        layout_t l = {true, upper, alt, false, prec + 1};
        bound = (size_t)prec + 16;
        dst = mt_vstr_extend(out, bound);
        n = layout(dst, d.s, d.n, d.decpt, &l);
    } else {
        /* g, G, and the typeless format with a precision (at least one digit after the point
         * in fixed notation, so exponent notation starts one place earlier) */
        if (prec == 0) {
            prec = 1;
        }
        if (f != 0) {
            float_to_digits(f, 'e', prec, &d);
        }
        bool typeless = type == '\0';
        int limit = typeless ? prec - 1 : prec;
        layout_t l = {d.decpt <= -4 || d.decpt > limit, type == 'G', alt, typeless, alt ? prec : 0};
        bound = (size_t)prec + (size_t)(d.decpt < 0 ? -d.decpt : d.decpt) + 16;
        dst = mt_vstr_extend(out, bound);
        n = layout(dst, d.s, d.n, d.decpt, &l);
    }
    out->len -= bound - n;
    digits_free(&d);
}

static void float_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    F f = 0;
    float_value(o, &f);
    mt_float_print(p, f);
}

/* ---- hashing ------------------------------------------------------------------------------- */

mt_int_t mt_float_hash(mt_float_t f) {
    if (!isfinite(f)) {
        return isnan(f) ? 0 : f > 0 ? MT_HASH_INF : -MT_HASH_INF;
    }
    int e;
    F m = FREXP(f, &e);
    bool neg = m < 0;
    /* f == M * 2**(e - MANT_DIG), M an integer; 2**BITS == 1 modulo the hash prime, so the
     * power of two becomes a rotation within BITS bits */
    uint64_t x = (uint64_t)LDEXP(neg ? -m : m, MT_FLOAT_MANT_DIG) % MT_HASH_MODULUS;
    int bits = (int)MT_HASH_BITS;
    int k = (e - MT_FLOAT_MANT_DIG) % bits;
    if (k < 0) {
        k += bits;
    }
    if (k != 0) {
        x = ((x << k) & MT_HASH_MODULUS) | (x >> (bits - k));
    }
    mt_int_t h = neg ? -(mt_int_t)x : (mt_int_t)x;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

mt_float_t mt_float_mod(mt_float_t a, mt_float_t b) {
    if (b == 0) {
        mt_raise_msg(&mt_type_ZeroDivisionError, "float modulo");
    }
    F mod = fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
        }
    } else {
        mod = copysign(0, b);
    }
    return mod;
}

mt_float_t mt_float_floordiv(mt_float_t a, mt_float_t b) {
    if (b == 0) {
        mt_raise_msg(&mt_type_ZeroDivisionError, "float floor division by zero");
    }
    F mod = fmod(a, b);
    F div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
        div -= 1;
    }
    if (div != 0) {
        F fl = floor(div);
        if (div - fl > (F)0.5) {
            fl += 1;
        }
        return fl;
    }
    return copysign(0, a / b);
}

static mt_obj_t float_pow(F a, F b) {
    if (a == 0 && b < 0 && isfinite(b)) {
        mt_raise_msg(&mt_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    }
    if (a < 0 && isfinite(a) && isfinite(b) && floor(b) != b) {
#if MT_CONFIG_COMPLEX
        return mt_complex_binary_op(MT_BINOP_POW, a, 0, b, 0);
#else
        mt_raise_value_error("math domain error");
#endif
    }
    F r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b)) {
        mt_raise_msg(&mt_type_OverflowError, "(34, 'Numerical result out of range')");
    }
    return mt_float_new(r);
}

mt_obj_t mt_float_binary_op(mt_binop_t op, mt_float_t a, mt_float_t b) {
    switch (op) {
    case MT_BINOP_ADD: return mt_float_new(a + b);
    case MT_BINOP_SUB: return mt_float_new(a - b);
    case MT_BINOP_MUL: return mt_float_new(a * b);
    case MT_BINOP_TRUEDIV:
        if (b == 0) {
            mt_raise_msg(&mt_type_ZeroDivisionError, "float division by zero");
        }
        return mt_float_new(a / b);
    case MT_BINOP_FLOORDIV: return mt_float_new(mt_float_floordiv(a, b));
    case MT_BINOP_MOD: return mt_float_new(mt_float_mod(a, b));
    case MT_BINOP_POW: return float_pow(a, b);
    case MT_BINOP_LT: return MT_BOOL(a < b);
    case MT_BINOP_GT: return MT_BOOL(a > b);
    case MT_BINOP_EQ: return MT_BOOL(a == b);
    case MT_BINOP_NE: return MT_BOOL(a != b);
    case MT_BINOP_LE: return MT_BOOL(a <= b);
    case MT_BINOP_GE: return MT_BOOL(a >= b);
    default: return MT_NULL;
    }
}

static mt_obj_t float_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op >= MT_BINOP_INPLACE_ADD && op < MT_BINOP_REVERSE_ADD) {
        op -= MT_BINOP_INPLACE_OFFSET; /* floats are immutable */
    }
    if (op < MT_BINOP_N_ARITH && MT_IS_FLOAT(lhs)) {
        F b;
        if (MT_IS_SMALL_INT(rhs)) {
            b = (F)MT_SMALL_INT_VALUE(rhs);
        } else if (MT_IS_FLOAT(rhs)) {
            b = mt_float_value(rhs);
        } else {
            return mt_num_binary_op(op, lhs, rhs);
        }
        return mt_float_binary_op(op, mt_float_value(lhs), b);
    }
    return mt_num_binary_op(op, lhs, rhs);
}

static mt_obj_t float_unary_op(mt_unop_t op, mt_obj_t o) {
    F f = 0;
    float_value(o, &f);
    switch (op) {
    case MT_UNOP_POS: return MT_IS_FLOAT(o) ? o : mt_float_new(f);
    case MT_UNOP_FLOAT: return MT_IS_FLOAT(o) ? o : mt_float_new(f);
    case MT_UNOP_NEG: return mt_float_new(-f);
    case MT_UNOP_ABS: return mt_float_new(fabs(f));
    case MT_UNOP_BOOL: return MT_BOOL(f != 0);
    case MT_UNOP_NOT: return MT_BOOL(f == 0);
    case MT_UNOP_HASH: return MT_NEW_SMALL_INT(mt_float_hash(f));
    case MT_UNOP_INT: return mt_int_from_float(f);
    default: return MT_NULL;
    }
}

/* ---- rounding ------------------------------------------------------------------------------ */

/* num / den rounded half to even (num >= 0, den > 0) */
static mt_obj_t div_round_even(mt_obj_t num, mt_obj_t den) {
    mt_obj_t q = mt_int_binary_op(MT_BINOP_FLOORDIV, num, den);
    mt_obj_t r = mt_int_binary_op(MT_BINOP_MOD, num, den);
    int c = mt_int_cmp(mt_int_binary_op(MT_BINOP_ADD, r, r), den);
    if (c > 0 ||
        (c == 0 && mt_int_binary_op(MT_BINOP_AND, q, MT_NEW_SMALL_INT(1)) != MT_NEW_SMALL_INT(0))) {
        q = mt_int_binary_op(MT_BINOP_ADD, q, MT_NEW_SMALL_INT(1));
    }
    return q;
}

static F round_digits(F f, mt_int_t nd) {
    if (!isfinite(f) || f == 0 || nd > MAX_ROUND_DIGITS) {
        return f;
    }
    if (nd < -MAX_ROUND_DIGITS) {
        return copysign(0, f);
    }
    int e;
    F m = FREXP(fabs(f), &e);
    /* |f| == M * 2**e */
    mt_obj_t M = mt_int_from_float(LDEXP(m, MT_FLOAT_MANT_DIG));
    e -= MT_FLOAT_MANT_DIG;
    mt_obj_t p =
        mt_int_binary_op(MT_BINOP_POW, MT_NEW_SMALL_INT(10), MT_NEW_SMALL_INT(nd < 0 ? -nd : nd));
    mt_obj_t r;
    if (nd >= 0) {
        if (e >= 0) {
            return f;
        }
        mt_obj_t num = mt_int_binary_op(MT_BINOP_MUL, M, p);
        mt_obj_t den = mt_int_binary_op(MT_BINOP_LSHIFT, MT_NEW_SMALL_INT(1), MT_NEW_SMALL_INT(-e));
        mt_obj_t q = div_round_even(num, den);
        r = mt_int_binary_op(MT_BINOP_TRUEDIV, q, p);
    } else {
        mt_obj_t num = M, den = p;
        if (e >= 0) {
            num = mt_int_binary_op(MT_BINOP_LSHIFT, M, MT_NEW_SMALL_INT(e));
        } else {
            den = mt_int_binary_op(MT_BINOP_LSHIFT, p, MT_NEW_SMALL_INT(-e));
        }
        mt_obj_t q = mt_int_binary_op(MT_BINOP_MUL, div_round_even(num, den), p);
        mt_float_t v;
        mt_mpz_buf_t b;
        if (!mt_mpz_to_float(mt_mpz_of(q, &b), &v)) {
            mt_raise_msg(&mt_type_OverflowError, "rounded value too large to represent");
        }
        return copysign(v, f);
    }
    return copysign(mt_float_value(r), f);
}

mt_obj_t mt_float_round(mt_float_t f, mt_obj_t ndigits) {
    if (ndigits == MT_NULL || ndigits == MT_NONE) {
        if (!isfinite(f)) {
            return mt_int_from_float(f); /* raises */
        }
        F fl = floor(f), diff = f - fl;
        if (diff > (F)0.5 || (diff == (F)0.5 && fmod(fl, 2) != 0)) {
            fl += 1;
        }
        return mt_int_from_float(fl);
    }
    mt_int_t nd;
    if (!mt_obj_get_int_maybe(ndigits, &nd)) {
        if (!mt_obj_is_int(ndigits)) {
            mt_obj_get_index(ndigits); /* raises the TypeError */
        }
        nd = mt_int_sign(ndigits) > 0 ? MAX_ROUND_DIGITS + 1 : -MAX_ROUND_DIGITS - 1;
    }
    return mt_float_new(round_digits(f, nd));
}

/* ---- construction -------------------------------------------------------------------------- */

static mt_obj_t float_from_obj(mt_obj_t x) {
    F f;
    if (float_value(x, &f)) {
        return MT_IS_FLOAT(x) ? x : mt_float_new(f);
    }
    if (mt_obj_get_float_maybe(x, &f)) {
        return mt_float_new(f);
    }
    const char *s = NULL;
    size_t len = 0;
    mt_buffer_info_t info;
    if (mt_obj_is_str(x)) {
        s = mt_str_data(x, &len);
    } else if (MT_IS_OBJ(x) &&
               (MT_IS_TYPE(x, &mt_type_bytes) || MT_IS_TYPE(x, &mt_type_bytearray)) &&
               mt_get_buffer(x, &info, MT_BUFFER_READ)) {
        s = info.buf;
        len = info.len;
    }
    if (s != NULL) {
        bool imag = false;
        if (!parse_float(s, len, false, &f, &imag)) {
            mt_raise_fmt(&mt_type_ValueError, "could not convert string to float: %R", x);
        }
        return mt_float_new(f);
    }
    mt_obj_t r = mt_unary_op_maybe(MT_UNOP_FLOAT, x);
    if (r != MT_NULL) {
        if (!float_value(r, &f)) {
            mt_raise_fmt(&mt_type_TypeError, "%q.__float__ returned non-float (type %q)",
                         mt_obj_type_name(x), mt_obj_type_name(r));
        }
        return mt_float_new(f);
    }
    r = mt_unary_op_maybe(MT_UNOP_INDEX, x);
    if (r != MT_NULL && mt_obj_is_int(r)) {
        return mt_float_new(mt_int_to_float(r));
    }
    mt_unary_op(MT_UNOP_FLOAT, x); /* raises the TypeError */
    return MT_NULL;
}

static mt_obj_t float_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    mt_arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return mt_float_new(0);
    }
    return float_from_obj(args[0]);
}

/* ---- methods ------------------------------------------------------------------------------- */

static F self_value(mt_obj_t self) {
    F f = 0;
    float_value(self, &f);
    return f;
}

static mt_obj_t float_is_integer(mt_obj_t self) {
    F f = self_value(self);
    return MT_BOOL(isfinite(f) && floor(f) == f);
}
static MT_DEFINE_FUN_1(float_is_integer_obj, float_is_integer);

static mt_obj_t float_as_integer_ratio(mt_obj_t self) {
    F f = self_value(self);
    if (isinf(f)) {
        mt_raise_msg(&mt_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(f)) {
        mt_raise_value_error("cannot convert NaN to integer ratio");
    }
    int e;
    F m = FREXP(f, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2;
        e--;
    }
    mt_obj_t num = mt_int_from_float(m), den = MT_NEW_SMALL_INT(1);
    if (e > 0) {
        num = mt_int_binary_op(MT_BINOP_LSHIFT, num, MT_NEW_SMALL_INT(e));
    } else {
        den = mt_int_binary_op(MT_BINOP_LSHIFT, den, MT_NEW_SMALL_INT(-e));
    }
    mt_obj_t items[2] = {num, den};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_1(float_as_integer_ratio_obj, float_as_integer_ratio);

static mt_obj_t float_hex(mt_obj_t self) {
    double f = (double)self_value(self);
    char buf[40];
    size_t n = 0;
    if (!isfinite(f)) {
        n = special_str(buf, (F)f, false);
        return mt_str_new(buf, n);
    }
    if (signbit(f)) {
        buf[n++] = '-';
        f = -f;
    }
    int e = 0;
    int lead = 0;
    if (f != 0) {
        double m = frexp(f, &e); /* f = m * 2**e, m in [0.5, 1) */
        e -= 1;
        if (e < DBL_MIN_EXP - 1) { /* subnormal: fixed exponent, leading 0 */
            m = ldexp(m, e - (DBL_MIN_EXP - 1));
            e = DBL_MIN_EXP - 1;
            f = m * 2;
        } else {
            f = m * 2;
        }
        lead = (int)f;
        f -= lead;
    }
    memcpy(buf + n, "0x", 2);
    n += 2;
    buf[n++] = (char)('0' + lead);
    buf[n++] = '.';
    if (f == 0 && lead == 0 && e == 0) {
        buf[n++] = '0';
    } else {
        for (int i = 0; i < 13; i++) {
            f *= 16;
            int d = (int)f;
            f -= d;
            buf[n++] = "0123456789abcdef"[d];
        }
    }
    n += (size_t)snprintf(buf + n, sizeof(buf) - n, "p%+d", e);
    return mt_str_new(buf, n);
}
static MT_DEFINE_FUN_1(float_hex_obj, float_hex);

/* float.fromhex: [sign] [0x] hexdigits [. hexdigits] [p [sign] decimal], or inf / nan */
static bool parse_hex_float(const char *p, const char *e, F *out) {
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    if (word_is(p, e, "inf") || word_is(p, e, "infinity") || word_is(p, e, "nan")) {
        *out = (F)((p[0] | 0x20) == 'n' ? NAN : INFINITY);
        *out = neg ? -*out : *out;
        return true;
    }
    if (e - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    char stackbuf[40];
    size_t cap = (size_t)(e - p) + 1, nd = 0;
    char *digits = cap <= sizeof(stackbuf) ? stackbuf : mt_alloc(cap);
    long exp = 0;
    bool point = false;
    for (; p < e && (is_digit(*p) || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f') || *p == '.');
         p++) {
        if (*p == '.') {
            if (point) {
                return false;
            }
            point = true;
            continue;
        }
        digits[nd++] = *p;
        exp -= point ? 4 : 0;
    }
    if (nd == 0) {
        return false;
    }
    if (p < e && (*p | 0x20) == 'p') {
        p++;
        bool eneg = p < e && *p == '-';
        p += p < e && (*p == '-' || *p == '+');
        if (p == e || !is_digit(*p)) {
            return false;
        }
        long pe = 0;
        for (; p < e && is_digit(*p); p++) {
            pe = pe < 100000000 ? pe * 10 + (*p - '0') : pe;
        }
        exp += eneg ? -pe : pe;
    }
    if (p != e) {
        return false;
    }
    mt_obj_t m = mt_int_parse(digits, nd, 16, false);
    F f = 0;
    if (m != MT_NEW_SMALL_INT(0)) {
        long bits = (long)mt_int_bit_length(m);
        /* far outside the float range: no need for the exact value */
        if (exp + bits > 1100) {
            exp = 1100 - bits;
        } else if (exp + bits < -1100) {
            m = MT_NEW_SMALL_INT(0);
        }
    }
    if (m != MT_NEW_SMALL_INT(0)) {
        mt_mpz_buf_t b1, b2;
        bool ok;
        if (exp >= 0) {
            mt_obj_t v = mt_int_binary_op(MT_BINOP_LSHIFT, m, MT_NEW_SMALL_INT(exp));
            ok = mt_mpz_to_float(mt_mpz_of(v, &b1), &f);
        } else {
            mt_obj_t d =
                mt_int_binary_op(MT_BINOP_LSHIFT, MT_NEW_SMALL_INT(1), MT_NEW_SMALL_INT(-exp));
            ok = mt_mpz_truediv(mt_mpz_of(m, &b1), mt_mpz_of(d, &b2), &f);
        }
        if (!ok) {
            mt_raise_msg(&mt_type_OverflowError,
                         "hexadecimal value too large to represent as a float");
        }
    }
    *out = neg ? -f : f;
    return true;
}

static mt_obj_t float_fromhex(mt_obj_t cls, mt_obj_t str) {
    if (!mt_obj_is_str(str)) {
        mt_raise_fmt(&mt_type_TypeError, "must be str, not %q", mt_obj_type_name(str));
    }
    size_t len;
    const char *s = mt_str_data(str, &len);
    const char *p = s, *e = s + len;
    while (p < e && is_space(*p)) {
        p++;
    }
    while (e > p && is_space(e[-1])) {
        e--;
    }
    F f;
    if (!parse_hex_float(p, e, &f)) {
        mt_raise_value_error("invalid hexadecimal floating-point string");
    }
    mt_obj_t r = mt_float_new(f);
    return cls == MT_OBJ_FROM_PTR(&mt_type_float) ? r : mt_call1(cls, r);
}
static MT_DEFINE_FUN_2(float_fromhex_fun_obj, float_fromhex);
static const mt_staticmethod_t float_fromhex_obj = {{&mt_type_classmethod},
                                                    MT_ROM_PTR(&float_fromhex_fun_obj)};

static mt_obj_t float_conjugate(mt_obj_t self) {
    return mt_float_new(self_value(self));
}
static MT_DEFINE_FUN_1(float_conjugate_obj, float_conjugate);

static mt_obj_t float_round_m(size_t n, const mt_obj_t *args) {
    return mt_float_round(self_value(args[0]), n > 1 ? args[1] : MT_NULL);
}
static MT_DEFINE_FUN_VAR(float_round_obj, 1, 2, float_round_m);

static mt_obj_t float_trunc(mt_obj_t self) {
    return mt_int_from_float(self_value(self));
}
static MT_DEFINE_FUN_1(float_trunc_obj, float_trunc);

static mt_obj_t float_floor(mt_obj_t self) {
    return mt_int_from_float(floor(self_value(self)));
}
static MT_DEFINE_FUN_1(float_floor_obj, float_floor);

static mt_obj_t float_ceil(mt_obj_t self) {
    return mt_int_from_float(ceil(self_value(self)));
}
static MT_DEFINE_FUN_1(float_ceil_obj, float_ceil);

static void float_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return;
    }
    if (attr == MT_QSTR_real) {
        dest[0] = MT_IS_FLOAT(o) ? o : mt_float_new(self_value(o));
    } else if (attr == MT_QSTR_imag) {
        dest[0] = mt_float_new(0);
    }
}

static const mt_map_elem_t float_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___ceil__), MT_ROM_PTR(&float_ceil_obj)},
    {MT_ROM_QSTR(MT_QSTR___floor__), MT_ROM_PTR(&float_floor_obj)},
    {MT_ROM_QSTR(MT_QSTR___int__), MT_ROM_PTR(&float_trunc_obj)},
    {MT_ROM_QSTR(MT_QSTR___round__), MT_ROM_PTR(&float_round_obj)},
    {MT_ROM_QSTR(MT_QSTR___trunc__), MT_ROM_PTR(&float_trunc_obj)},
    {MT_ROM_QSTR(MT_QSTR_as_integer_ratio), MT_ROM_PTR(&float_as_integer_ratio_obj)},
    {MT_ROM_QSTR(MT_QSTR_conjugate), MT_ROM_PTR(&float_conjugate_obj)},
    {MT_ROM_QSTR(MT_QSTR_fromhex), MT_ROM_PTR(&float_fromhex_obj)},
    {MT_ROM_QSTR(MT_QSTR_hex), MT_ROM_PTR(&float_hex_obj)},
    {MT_ROM_QSTR(MT_QSTR_is_integer), MT_ROM_PTR(&float_is_integer_obj)},
};
static MT_DEFINE_CONST_MAP(float_locals, float_locals_table);

const mt_type_t mt_type_float = {
    .base = {&mt_type_type},
    .name = MT_QSTR_float,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = float_print,
    .make_new = float_make_new,
    .unary_op = float_unary_op,
    .binary_op = float_binary_op,
    .attr = float_attr,
    .locals = &float_locals,
};
