/* The int type: small-int immediates that overflow into mpz objects transparently, and the
 * numeric dispatch shared by int, bool, float and complex (mt_num_binary_op). */
#include <math.h>

#include "mpz.h"
#include "num.h"
#include "runtime.h"

#define SMALL_BITS (sizeof(mt_int_t) * 8 - 1)
#define EXACT_FLOAT_INT                                                                            \
    ((mt_int_t)1 << (MT_FLOAT_MANT_DIG < SMALL_BITS - 1 ? MT_FLOAT_MANT_DIG : SMALL_BITS - 2))

/* ---- what is an int ------------------------------------------------------------------------ */

mt_obj_t mt_int_unwrap(mt_obj_t o) {
    if (MT_IS_SMALL_INT(o) || MT_IS_MPZ(o)) {
        return o;
    }
    if (o == MT_TRUE || o == MT_FALSE) {
        return MT_NEW_SMALL_INT(o == MT_TRUE);
    }
    if (MT_IS_INSTANCE(o)) {
        mt_obj_t n = ((mt_instance_t *)MT_OBJ_TO_PTR(o))->native;
        if (n != MT_NULL && (MT_IS_SMALL_INT(n) || MT_IS_MPZ(n))) {
            return n;
        }
    }
    return MT_NULL;
}

bool mt_obj_is_int(mt_obj_t o) {
    return mt_int_unwrap(o) != MT_NULL;
}

bool mt_int_is_big(mt_obj_t o) {
    return MT_IS_MPZ(mt_int_unwrap(o));
}

/* o must be an int */
static const mt_mpz_t *as_mpz(mt_obj_t o, mt_mpz_buf_t *buf) {
    return mt_mpz_of(mt_int_unwrap(o), buf);
}

int mt_int_sign(mt_obj_t i) {
    i = mt_int_unwrap(i);
    if (MT_IS_SMALL_INT(i)) {
        mt_int_t v = MT_SMALL_INT_VALUE(i);
        return (v > 0) - (v < 0);
    }
    return ((mt_mpz_t *)MT_OBJ_TO_PTR(i))->neg ? -1 : 1;
}

int mt_int_cmp(mt_obj_t i, mt_obj_t j) {
    i = mt_int_unwrap(i);
    j = mt_int_unwrap(j);
    if (MT_IS_SMALL_INT(i) && MT_IS_SMALL_INT(j)) {
        mt_int_t a = MT_SMALL_INT_VALUE(i), b = MT_SMALL_INT_VALUE(j);
        return (a > b) - (a < b);
    }
    mt_mpz_buf_t b1, b2;
    return mt_mpz_cmp(mt_mpz_of(i, &b1), mt_mpz_of(j, &b2));
}

size_t mt_int_bit_length(mt_obj_t i) {
    mt_mpz_buf_t b;
    return mt_mpz_bit_length(as_mpz(i, &b));
}

/* ---- conversions --------------------------------------------------------------------------- */

mt_obj_t mt_int_from_ll(long long v) {
    return mt_mpz_from_ll(v);
}

mt_obj_t mt_int_from_ull(unsigned long long v) {
    return mt_mpz_from_ull(v);
}

mt_obj_t mt_int_from_float(mt_float_t f) {
    if (isnan(f)) {
        mt_raise_value_error("cannot convert float NaN to integer");
    }
    if (isinf(f)) {
        mt_raise_msg(&mt_type_OverflowError, "cannot convert float infinity to integer");
    }
    const mt_float_t lim = (mt_float_t)((mt_int_t)1 << (SMALL_BITS - 1));
    if (f > -lim && f < lim) {
        return MT_NEW_SMALL_INT((mt_int_t)f);
    }
    return mt_mpz_from_float(f);
}

mt_float_t mt_int_to_float(mt_obj_t i) {
    i = mt_int_unwrap(i);
    if (MT_IS_SMALL_INT(i)) {
        return (mt_float_t)MT_SMALL_INT_VALUE(i);
    }
    mt_float_t f;
    if (!mt_mpz_to_float(MT_OBJ_TO_PTR(i), &f)) {
        mt_raise_msg(&mt_type_OverflowError, "int too large to convert to float");
    }
    return f;
}

/* the int value of o, or of its __index__; TypeError otherwise */
static mt_obj_t index_value(mt_obj_t o) {
    mt_obj_t v = mt_int_unwrap(o);
    if (v != MT_NULL) {
        return v;
    }
    const mt_type_t *t = mt_type_of(o);
    if (t->unary_op != NULL) {
        v = t->unary_op(MT_UNOP_INDEX, o);
        if (v != MT_NULL && v != MT_NOT_IMPLEMENTED) {
            mt_obj_t r = mt_int_unwrap(v);
            if (r == MT_NULL) {
                mt_raise_fmt(&mt_type_TypeError, "__index__ returned non-int (type %q)",
                             mt_obj_type_name(v));
            }
            return r;
        }
    }
    mt_raise_fmt(&mt_type_TypeError, "'%q' object cannot be interpreted as an integer", t->name);
}

static bool big_to_ll(mt_obj_t v, long long *out) {
    return mt_mpz_to_ll(MT_OBJ_TO_PTR(v), out);
}

long long mt_obj_get_ll(mt_obj_t o) {
    mt_obj_t v = MT_IS_SMALL_INT(o) ? o : index_value(o);
    long long r;
    if (MT_IS_SMALL_INT(v)) {
        return MT_SMALL_INT_VALUE(v);
    }
    if (!big_to_ll(v, &r)) {
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C long");
    }
    return r;
}

mt_int_t mt_obj_get_int(mt_obj_t o) {
    if (MT_IS_SMALL_INT(o)) {
        return MT_SMALL_INT_VALUE(o);
    }
    long long v = mt_obj_get_ll(o);
    if (sizeof(mt_int_t) < sizeof(long long) && (v < INTPTR_MIN || v > INTPTR_MAX)) {
        mt_raise_msg(&mt_type_OverflowError, "Python int too large to convert to C long");
    }
    return (mt_int_t)v;
}

mt_int_t mt_obj_get_index(mt_obj_t o) {
    return mt_obj_get_int(o);
}

bool mt_obj_get_int_maybe(mt_obj_t o, mt_int_t *out) {
    mt_obj_t v = mt_int_unwrap(o);
    if (v == MT_NULL) {
        return false;
    }
    if (MT_IS_SMALL_INT(v)) {
        *out = MT_SMALL_INT_VALUE(v);
        return true;
    }
    long long r;
    if (!big_to_ll(v, &r) || r < INTPTR_MIN || r > INTPTR_MAX) {
        return false;
    }
    *out = (mt_int_t)r;
    return true;
}

static const char *index_noun(const mt_type_t *t) {
    if (t == &mt_type_str) {
        return "string";
    }
    if (t == &mt_type_bytes) {
        return "byte";
    }
    return NULL;
}

size_t mt_get_index(const mt_type_t *t, size_t len, mt_obj_t index, bool is_slice) {
    mt_int_t i;
    if (MT_IS_SMALL_INT(index)) {
        i = MT_SMALL_INT_VALUE(index);
    } else {
        mt_obj_t v = mt_int_unwrap(index);
        if (v == MT_NULL) {
            const mt_type_t *it = mt_type_of(index);
            mt_obj_t r = it->unary_op ? it->unary_op(MT_UNOP_INDEX, index) : MT_NULL;
            v = r == MT_NOT_IMPLEMENTED ? MT_NULL : mt_int_unwrap(r);
        }
        if (v == MT_NULL) {
            const char *noun = index_noun(t);
            if (t == &mt_type_str) {
                mt_raise_fmt(&mt_type_TypeError, "string indices must be integers, not '%q'",
                             mt_obj_type_name(index));
            }
            if (noun != NULL) {
                mt_raise_fmt(&mt_type_TypeError, "%s indices must be integers or slices, not %q",
                             noun, mt_obj_type_name(index));
            }
            mt_raise_fmt(&mt_type_TypeError, "%q indices must be integers or slices, not %q",
                         t->name, mt_obj_type_name(index));
        }
        if (!mt_obj_get_int_maybe(v, &i)) {
            mt_raise_fmt(&mt_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
    }
    if (i < 0) {
        i += (mt_int_t)len;
    }
    if (is_slice) {
        return i < 0 ? 0 : (size_t)i > len ? len : (size_t)i;
    }
    if (i < 0 || (size_t)i >= len) {
        if (t == &mt_type_str) {
            mt_raise_msg(&mt_type_IndexError, "string index out of range");
        }
        if (t == &mt_type_bytes) {
            mt_raise_msg(&mt_type_IndexError, "index out of range");
        }
        if (t == &mt_type_range) {
            mt_raise_msg(&mt_type_IndexError, "range object index out of range");
        }
        mt_raise_fmt(&mt_type_IndexError, "%q index out of range", t->name);
    }
    return (size_t)i;
}

/* ---- parsing ------------------------------------------------------------------------------- */

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/* the value of s[0..len) in base (0 or 2..36), or MT_NULL if malformed; *leading_zero set
 * when base 0 rejected a decimal with leading zeros */
static mt_obj_t parse_int(const char *s, size_t len, int base, bool literal, bool *leading_zero) {
    const char *p = s, *e = s + len;
    if (!literal) {
        while (p < e && is_space(*p)) {
            p++;
        }
        while (e > p && is_space(e[-1])) {
            e--;
        }
    }
    bool neg = false;
    if (!literal && p < e && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    bool prefixed = false;
    if (e - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = true;
        }
    }
    bool check_zeros = base == 0;
    if (base == 0) {
        base = 10;
    }
    /* validate; collect the digits without underscores */
    char stackbuf[72];
    size_t n = (size_t)(e - p);
    char *digits = n <= sizeof(stackbuf) ? stackbuf : mt_alloc(n);
    size_t nd = 0;
    bool nonzero = false;
    for (const char *q = p; q < e; q++) {
        if (*q == '_') {
            if (q + 1 == e || (q == p && !prefixed) || (q > p && q[-1] == '_')) {
                return MT_NULL;
            }
            continue;
        }
        if (digit_value(*q) >= base) {
            return MT_NULL;
        }
        nonzero |= *q != '0';
        digits[nd++] = *q;
    }
    if (nd == 0) {
        return MT_NULL;
    }
    if (check_zeros && !prefixed && digits[0] == '0' && nonzero) {
        *leading_zero = true;
        return MT_NULL;
    }
    mt_obj_t r;
    int bits_per_digit = 1;
    while ((1 << bits_per_digit) < base) {
        bits_per_digit++;
    }
    if (nd * (size_t)bits_per_digit <= SMALL_BITS - 2) {
        mt_int_t v = 0;
        for (size_t i = 0; i < nd; i++) {
            v = v * base + digit_value(digits[i]);
        }
        r = MT_NEW_SMALL_INT(neg ? -v : v);
    } else {
        r = mt_mpz_parse_digits(digits, nd, base);
        if (neg) {
            mt_mpz_buf_t b;
            r = mt_mpz_neg(mt_mpz_of(r, &b));
        }
    }
    if (digits != stackbuf) {
        mt_free(digits);
    }
    return r;
}

MT_NORETURN static void raise_invalid_int(mt_obj_t src, int base) {
    mt_raise_fmt(&mt_type_ValueError, "invalid literal for int() with base %d: %R", base, src);
}

mt_obj_t mt_int_parse(const char *s, size_t len, int base, bool is_literal) {
    bool lz = false;
    mt_obj_t r = parse_int(s, len, base, is_literal, &lz);
    if (r != MT_NULL) {
        return r;
    }
    if (is_literal) {
        mt_raise_msg(&mt_type_SyntaxError,
                     lz ? "leading zeros in decimal integer literals are not permitted; use an 0o "
                          "prefix for octal integers"
                        : "invalid syntax");
    }
    raise_invalid_int(mt_str_new(s, len), base);
}

/* ---- formatting ---------------------------------------------------------------------------- */

/* digits of |v| in base, written backwards ending at end; returns the start */
static char *small_digits(char *end, mt_uint_t m, int base, bool upper) {
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    do {
        unsigned d = (unsigned)(m % (mt_uint_t)base);
        *--p = d < 16 ? digs[d] : (char)((upper ? 'A' : 'a') + d - 10);
        m /= (mt_uint_t)base;
    } while (m != 0);
    return p;
}

void mt_int_format(mt_vstr_t *out, mt_obj_t i, int base, bool upper, bool with_prefix) {
    i = mt_int_unwrap(i);
    char prefix[2] = {'0', base == 16 ? (upper ? 'X' : 'x') : base == 8 ? 'o' : 'b'};
    with_prefix = with_prefix && (base == 2 || base == 8 || base == 16);
    if (MT_IS_SMALL_INT(i)) {
        mt_int_t v = MT_SMALL_INT_VALUE(i);
        char buf[sizeof(mt_int_t) * 8 + 4];
        char *p =
            small_digits(buf + sizeof(buf), v < 0 ? 0 - (mt_uint_t)v : (mt_uint_t)v, base, upper);
        if (v < 0) {
            mt_vstr_add_byte(out, '-');
        }
        if (with_prefix) {
            mt_vstr_add_strn(out, prefix, 2);
        }
        mt_vstr_add_strn(out, p, (size_t)(buf + sizeof(buf) - p));
        return;
    }
    size_t start = out->len;
    const mt_mpz_t *z = MT_OBJ_TO_PTR(i);
    mt_mpz_format(out, z, base, upper);
    if (with_prefix) {
        size_t at = start + z->neg;
        mt_vstr_extend(out, 2);
        memmove(out->buf + at + 2, out->buf + at, out->len - 2 - at);
        memcpy(out->buf + at, prefix, 2);
    }
}

static void int_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    o = mt_int_unwrap(o);
    if (MT_IS_SMALL_INT(o)) {
        mt_int_t v = MT_SMALL_INT_VALUE(o);
        char buf[sizeof(mt_int_t) * 3 + 2];
        char *s =
            small_digits(buf + sizeof(buf), v < 0 ? 0 - (mt_uint_t)v : (mt_uint_t)v, 10, false);
        if (v < 0) {
            *--s = '-';
        }
        mt_print_strn(p, s, (size_t)(buf + sizeof(buf) - s));
        return;
    }
    mt_vstr_t v;
    mt_vstr_init(&v, mt_mpz_bit_length(MT_OBJ_TO_PTR(o)) / 3 + 4);
    mt_mpz_format(&v, MT_OBJ_TO_PTR(o), 10, false);
    mt_print_strn(p, v.buf, v.len);
    mt_vstr_clear(&v);
}

/* ---- hashing ------------------------------------------------------------------------------- */

mt_int_t mt_int_hash(mt_obj_t i) {
    i = mt_int_unwrap(i);
    uint64_t m;
    bool neg;
    if (MT_IS_SMALL_INT(i)) {
        mt_int_t v = MT_SMALL_INT_VALUE(i);
        neg = v < 0;
        m = (neg ? 0 - (uint64_t)(int64_t)v : (uint64_t)v) % MT_HASH_MODULUS;
    } else {
        const mt_mpz_t *z = MT_OBJ_TO_PTR(i);
        neg = z->neg;
        m = mt_mpz_mod_mersenne(z, MT_HASH_BITS);
    }
    mt_int_t h = neg ? -(mt_int_t)m : (mt_int_t)m;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

MT_NORETURN static void raise_zero_div(mt_binop_t op) {
    mt_raise_msg(&mt_type_ZeroDivisionError, op == MT_BINOP_MOD
                                                 ? "integer modulo by zero"
                                                 : "integer division or modulo by zero");
}

static mt_obj_t float_pow(mt_obj_t a, mt_obj_t b) {
    return mt_float_binary_op(MT_BINOP_POW, mt_int_to_float(a), mt_int_to_float(b));
}

static mt_obj_t small_pow(mt_int_t x, mt_int_t y) {
    mt_int_t r = 1;
    while (true) {
        if ((y & 1) && __builtin_mul_overflow(r, x, &r)) {
            return MT_NULL;
        }
        y >>= 1;
        if (y == 0) {
            break;
        }
        if (__builtin_mul_overflow(x, x, &x)) {
            return MT_NULL;
        }
    }
    return MT_SMALL_INT_FITS(r) ? MT_NEW_SMALL_INT(r) : MT_NULL;
}

/* small (op) small; MT_NULL when the result needs the big path */
static mt_obj_t small_op(mt_binop_t op, mt_int_t x, mt_int_t y) {
    mt_int_t r;
    switch (op) {
    case MT_BINOP_ADD: r = x + y; break;
    case MT_BINOP_SUB: r = x - y; break;
    case MT_BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) {
            return MT_NULL;
        }
        break;
    case MT_BINOP_FLOORDIV:
    case MT_BINOP_MOD: {
        if (y == 0) {
            raise_zero_div(op);
        }
        mt_int_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            m += y;
            q -= 1;
        }
        r = op == MT_BINOP_MOD ? m : q;
        break;
    }
    case MT_BINOP_TRUEDIV:
        if (y == 0) {
            mt_raise_msg(&mt_type_ZeroDivisionError, "division by zero");
        }
        if (x > -EXACT_FLOAT_INT && x < EXACT_FLOAT_INT && y > -EXACT_FLOAT_INT &&
            y < EXACT_FLOAT_INT) {
            return mt_float_new((mt_float_t)x / (mt_float_t)y);
        }
        return MT_NULL;
    case MT_BINOP_POW:
        if (y < 0) {
            return float_pow(MT_NEW_SMALL_INT(x), MT_NEW_SMALL_INT(y));
        }
        return small_pow(x, y);
    case MT_BINOP_LSHIFT:
        if (y < 0) {
            mt_raise_value_error("negative shift count");
        }
        if (x == 0) {
            return MT_NEW_SMALL_INT(0);
        }
        if (y >= (mt_int_t)SMALL_BITS - 1) {
            return MT_NULL;
        }
        r = (mt_int_t)((mt_uint_t)x << y);
        if ((r >> y) != x) {
            return MT_NULL;
        }
        break;
    case MT_BINOP_RSHIFT:
        if (y < 0) {
            mt_raise_value_error("negative shift count");
        }
        r = x >> (y >= (mt_int_t)SMALL_BITS ? (mt_int_t)SMALL_BITS : y);
        break;
    case MT_BINOP_AND: r = x & y; break;
    case MT_BINOP_OR: r = x | y; break;
    case MT_BINOP_XOR: r = x ^ y; break;
    default: return MT_NULL;
    }
    return MT_SMALL_INT_FITS(r) ? MT_NEW_SMALL_INT(r) : mt_int_from_ll(r);
}

static mt_obj_t big_shift(mt_binop_t op, const mt_mpz_t *a, mt_obj_t b) {
    if (mt_int_sign(b) < 0) {
        mt_raise_value_error("negative shift count");
    }
    mt_int_t n;
    bool fits = mt_obj_get_int_maybe(b, &n) && n <= (mt_int_t)0x7fffffff;
    if (op == MT_BINOP_RSHIFT) {
        return fits ? mt_mpz_shr(a, (size_t)n) : MT_NEW_SMALL_INT(a->neg ? -1 : 0);
    }
    if (a->len == 0) {
        return MT_NEW_SMALL_INT(0);
    }
    if (!fits) {
        mt_raise_memory_error();
    }
    return mt_mpz_shl(a, (size_t)n);
}

static mt_obj_t big_op(mt_binop_t op, mt_obj_t ao, mt_obj_t bo) {
    mt_mpz_buf_t b1, b2;
    const mt_mpz_t *a = mt_mpz_of(ao, &b1), *b = mt_mpz_of(bo, &b2);
    mt_obj_t r;
    switch (op) {
    case MT_BINOP_ADD: return mt_mpz_add(a, b);
    case MT_BINOP_SUB: return mt_mpz_sub(a, b);
    case MT_BINOP_MUL: return mt_mpz_mul(a, b);
    case MT_BINOP_FLOORDIV:
    case MT_BINOP_MOD:
        if (b->len == 0) {
            raise_zero_div(op);
        }
        mt_mpz_divmod(a, b, op == MT_BINOP_FLOORDIV ? &r : NULL, op == MT_BINOP_MOD ? &r : NULL);
        return r;
    case MT_BINOP_TRUEDIV: {
        if (b->len == 0) {
            mt_raise_msg(&mt_type_ZeroDivisionError, "division by zero");
        }
        mt_float_t f;
        if (!mt_mpz_truediv(a, b, &f)) {
            mt_raise_msg(&mt_type_OverflowError, "integer division result too large for a float");
        }
        return mt_float_new(f);
    }
    case MT_BINOP_POW:
        if (b->neg) {
            return float_pow(ao, bo);
        }
        return mt_mpz_pow(a, b);
    case MT_BINOP_LSHIFT:
    case MT_BINOP_RSHIFT: return big_shift(op, a, bo);
    case MT_BINOP_AND: return mt_mpz_and(a, b);
    case MT_BINOP_OR: return mt_mpz_or(a, b);
    case MT_BINOP_XOR: return mt_mpz_xor(a, b);
    default: return MT_NULL;
    }
}

mt_obj_t mt_int_binary_op(mt_binop_t op, mt_obj_t i, mt_obj_t j) {
    i = mt_int_unwrap(i);
    j = mt_int_unwrap(j);
    if (MT_IS_SMALL_INT(i) && MT_IS_SMALL_INT(j)) {
        mt_obj_t r = small_op(op, MT_SMALL_INT_VALUE(i), MT_SMALL_INT_VALUE(j));
        if (r != MT_NULL || op == MT_BINOP_MATMUL || op >= MT_BINOP_N_ARITH) {
            return r;
        }
    }
    return big_op(op, i, j);
}

int mt_int_float_cmp(mt_obj_t i, mt_float_t f) {
    if (isnan(f)) {
        return 2;
    }
    if (isinf(f)) {
        return f > 0 ? -1 : 1;
    }
    i = mt_int_unwrap(i);
    if (MT_IS_SMALL_INT(i)) {
        mt_int_t v = MT_SMALL_INT_VALUE(i);
        if (v > -EXACT_FLOAT_INT && v < EXACT_FLOAT_INT) {
            mt_float_t fv = (mt_float_t)v;
            return (fv > f) - (fv < f);
        }
    }
    mt_float_t t = f < 0 ? -floor(-f) : floor(f);
    int c = mt_int_cmp(i, mt_int_from_float(t));
    if (c != 0) {
        return c;
    }
    return f > t ? -1 : f < t ? 1 : 0;
}

/* ---- numeric dispatch ---------------------------------------------------------------------- */

typedef enum { K_NONE, K_INT, K_FLOAT, K_COMPLEX } num_kind_t;

static num_kind_t num_kind(mt_obj_t *o) {
    for (int depth = 0; depth < 2; depth++) {
        if (MT_IS_SMALL_INT(*o) || MT_IS_MPZ(*o)) {
            return K_INT;
        }
        if (*o == MT_TRUE || *o == MT_FALSE) {
            *o = MT_NEW_SMALL_INT(*o == MT_TRUE);
            return K_INT;
        }
        if (MT_IS_TYPE(*o, &mt_type_float)) {
            return K_FLOAT;
        }
#if MT_CONFIG_COMPLEX
        if (MT_IS_TYPE(*o, &mt_type_complex)) {
            return K_COMPLEX;
        }
#endif
        if (!MT_IS_INSTANCE(*o) || ((mt_instance_t *)MT_OBJ_TO_PTR(*o))->native == MT_NULL) {
            return K_NONE;
        }
        *o = ((mt_instance_t *)MT_OBJ_TO_PTR(*o))->native;
    }
    return K_NONE;
}

static mt_obj_t compare_result(mt_binop_t op, int c) {
    switch (op) {
    case MT_BINOP_LT: return MT_BOOL(c == -1);
    case MT_BINOP_GT: return MT_BOOL(c == 1);
    case MT_BINOP_EQ: return MT_BOOL(c == 0);
    case MT_BINOP_NE: return MT_BOOL(c != 0);
    case MT_BINOP_LE: return MT_BOOL(c == -1 || c == 0);
    case MT_BINOP_GE: return MT_BOOL(c == 1 || c == 0);
    default: return MT_NULL;
    }
}

static mt_float_t to_float(mt_obj_t o, num_kind_t k) {
    return k == K_INT ? mt_int_to_float(o) : mt_float_value(o);
}

mt_obj_t mt_num_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op >= MT_BINOP_INPLACE_ADD && op < MT_BINOP_REVERSE_ADD) {
        op -= MT_BINOP_INPLACE_OFFSET;
    } else if (op >= MT_BINOP_REVERSE_ADD && op < MT_BINOP_LT) {
        op -= MT_BINOP_REVERSE_OFFSET;
        mt_obj_t t = lhs;
        lhs = rhs;
        rhs = t;
    } else if (op > MT_BINOP_GE) {
        return MT_NULL;
    }
    bool is_cmp = op >= MT_BINOP_LT;
    num_kind_t ka = num_kind(&lhs), kb = num_kind(&rhs);
    if (ka == K_NONE || kb == K_NONE) {
        return MT_NULL;
    }
    if (ka == K_INT && kb == K_INT) {
        return is_cmp ? compare_result(op, mt_int_cmp(lhs, rhs)) : mt_int_binary_op(op, lhs, rhs);
    }
    if (ka != K_COMPLEX && kb != K_COMPLEX) {
        if (is_cmp && ka == K_INT) {
            return compare_result(op, mt_int_float_cmp(lhs, to_float(rhs, kb)));
        }
        if (is_cmp && kb == K_INT) {
            int c = mt_int_float_cmp(rhs, to_float(lhs, ka));
            return compare_result(op, c == 2 ? 2 : -c);
        }
        return mt_float_binary_op(op, to_float(lhs, ka), to_float(rhs, kb));
    }
#if MT_CONFIG_COMPLEX
    mt_float_t ar, ai, br, bi;
    mt_obj_get_complex_maybe(lhs, &ar, &ai);
    mt_obj_get_complex_maybe(rhs, &br, &bi);
    return mt_complex_binary_op(op, ar, ai, br, bi);
#else
    return MT_NULL;
#endif
}

static mt_obj_t int_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op >= MT_BINOP_INPLACE_ADD && op < MT_BINOP_REVERSE_ADD) {
        op -= MT_BINOP_INPLACE_OFFSET; /* ints are immutable: x += y is x = x + y */
    }
    if (MT_IS_SMALL_INT(lhs) && MT_IS_SMALL_INT(rhs) && op < MT_BINOP_N_ARITH) {
        mt_obj_t r = small_op(op, MT_SMALL_INT_VALUE(lhs), MT_SMALL_INT_VALUE(rhs));
        if (r != MT_NULL || op == MT_BINOP_MATMUL) {
            return r;
        }
        return big_op(op, lhs, rhs);
    }
    return mt_num_binary_op(op, lhs, rhs);
}

/* ---- unary operations ---------------------------------------------------------------------- */

/* a hash as an object; on 32-bit builds hashes beyond the small-int range are folded */
static mt_obj_t hash_obj(mt_int_t h) {
    return MT_NEW_SMALL_INT(h);
}

static mt_obj_t int_unary_op(mt_unop_t op, mt_obj_t o) {
    o = mt_int_unwrap(o);
    bool small = MT_IS_SMALL_INT(o);
    mt_int_t v = small ? MT_SMALL_INT_VALUE(o) : 0;
    mt_mpz_buf_t b;
    switch (op) {
    case MT_UNOP_POS:
    case MT_UNOP_INT:
    case MT_UNOP_INDEX: return o;
    case MT_UNOP_NEG: return small ? mt_int_from_ll(-(long long)v) : mt_mpz_neg(mt_mpz_of(o, &b));
    case MT_UNOP_ABS:
        if (small) {
            return v < 0 ? mt_int_from_ll(-(long long)v) : o;
        }
        return mt_mpz_abs(mt_mpz_of(o, &b));
    case MT_UNOP_INVERT: return small ? MT_NEW_SMALL_INT(~v) : mt_mpz_invert(mt_mpz_of(o, &b));
    case MT_UNOP_BOOL: return MT_BOOL(o != MT_NEW_SMALL_INT(0));
    case MT_UNOP_NOT: return MT_BOOL(o == MT_NEW_SMALL_INT(0));
    case MT_UNOP_HASH: return hash_obj(mt_int_hash(o));
    case MT_UNOP_FLOAT: return mt_float_new(mt_int_to_float(o));
    default: return MT_NULL;
    }
}

/* ---- construction -------------------------------------------------------------------------- */

/* int(x, base) for a str/bytes x */
static mt_obj_t int_from_text(mt_obj_t x, int base) {
    size_t len;
    const char *s;
    mt_buffer_info_t info;
    if (mt_obj_is_str(x)) {
        s = mt_str_data(x, &len);
    } else if (!MT_IS_SMALL_INT(x) && !MT_IS_SPECIAL(x) &&
               (MT_IS_TYPE(x, &mt_type_bytes) || MT_IS_TYPE(x, &mt_type_bytearray)) &&
               mt_get_buffer(x, &info, MT_BUFFER_READ)) {
        s = info.buf;
        len = info.len;
    } else {
        return MT_NULL;
    }
    bool lz = false;
    mt_obj_t r = parse_int(s, len, base, false, &lz);
    if (r == MT_NULL) {
        raise_invalid_int(x, base);
    }
    return r;
}

static mt_obj_t int_from_obj(mt_obj_t x) {
    mt_obj_t v = mt_int_unwrap(x);
    if (v != MT_NULL) {
        return v;
    }
    v = int_from_text(x, 10);
    if (v != MT_NULL) {
        return v;
    }
    v = mt_unary_op_maybe(MT_UNOP_INT, x);
    if (v == MT_NULL) {
        v = mt_unary_op_maybe(MT_UNOP_INDEX, x);
    }
    if (v == MT_NULL) {
        v = mt_call_method_maybe(x, MT_QSTR___trunc__, 0, NULL);
    }
    if (v == MT_NULL) {
        mt_unary_op(MT_UNOP_INT, x); /* raises the TypeError */
    }
    mt_obj_t r = mt_int_unwrap(v);
    if (r == MT_NULL) {
        mt_raise_fmt(&mt_type_TypeError, "__int__ returned non-int (type %q)", mt_obj_type_name(v));
    }
    return r;
}

static mt_obj_t int_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                             const mt_obj_t *args) {
    mt_obj_t base = MT_NULL;
    if (n_kw == 1 && args[n_args] == MT_NEW_QSTR(MT_QSTR_base)) {
        base = args[n_args + 1];
    } else if (n_kw != 0) {
        mt_raise_fmt(&mt_type_TypeError, "'%q' is an invalid keyword argument for int()",
                     MT_QSTR_VALUE(args[n_args]));
    }
    mt_arg_check_num(n_args, 0, 0, base == MT_NULL ? 2 : 1, false);
    if (n_args == 2) {
        base = args[1];
    }
    if (n_args == 0) {
        if (base != MT_NULL) {
            mt_raise_type_error("int() missing string argument");
        }
        return MT_NEW_SMALL_INT(0);
    }
    if (base == MT_NULL) {
        return int_from_obj(args[0]);
    }
    mt_int_t b = mt_obj_get_index(base);
    if (b != 0 && (b < 2 || b > 36)) {
        mt_raise_value_error("int() base must be >= 2 and <= 36, or 0");
    }
    mt_obj_t r = int_from_text(args[0], (int)b);
    if (r == MT_NULL) {
        mt_raise_type_error("int() can't convert non-string with explicit base");
    }
    return r;
}

/* ---- pow with modulus, gcd ----------------------------------------------------------------- */

static mt_obj_t iop(mt_binop_t op, mt_obj_t a, mt_obj_t b) {
    return mt_int_binary_op(op, a, b);
}

/* the inverse of a modulo m (m > 0) */
static mt_obj_t mod_inverse(mt_obj_t a, mt_obj_t m) {
    mt_obj_t r0 = iop(MT_BINOP_MOD, a, m), r1 = m;
    mt_obj_t s0 = MT_NEW_SMALL_INT(1), s1 = MT_NEW_SMALL_INT(0);
    while (r1 != MT_NEW_SMALL_INT(0)) {
        mt_obj_t q = iop(MT_BINOP_FLOORDIV, r0, r1);
        mt_obj_t t = iop(MT_BINOP_SUB, r0, iop(MT_BINOP_MUL, q, r1));
        r0 = r1;
        r1 = t;
        t = iop(MT_BINOP_SUB, s0, iop(MT_BINOP_MUL, q, s1));
        s0 = s1;
        s1 = t;
    }
    if (r0 != MT_NEW_SMALL_INT(1)) {
        mt_raise_value_error("base is not invertible for the given modulus");
    }
    return iop(MT_BINOP_MOD, s0, m);
}

mt_obj_t mt_int_pow3(mt_obj_t base, mt_obj_t exp, mt_obj_t mod) {
    if (mod == MT_NULL || mod == MT_NONE) {
        mt_obj_t r = mt_num_binary_op(MT_BINOP_POW, base, exp);
        if (r == MT_NULL) {
            r = mt_binary_op(MT_BINOP_POW, base, exp);
        }
        return r;
    }
    base = mt_int_unwrap(base);
    exp = mt_int_unwrap(exp);
    mod = mt_int_unwrap(mod);
    if (base == MT_NULL || exp == MT_NULL || mod == MT_NULL) {
        mt_raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (mod == MT_NEW_SMALL_INT(0)) {
        mt_raise_value_error("pow() 3rd argument cannot be 0");
    }
    mt_obj_t mabs = mt_int_sign(mod) < 0 ? iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), mod) : mod;
    if (mt_int_sign(exp) < 0) {
        base = mod_inverse(base, mabs);
        exp = iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), exp);
    }
    mt_mpz_buf_t b1, b2, b3;
    return mt_mpz_powmod(mt_mpz_of(base, &b1), mt_mpz_of(exp, &b2), mt_mpz_of(mod, &b3));
}

mt_obj_t mt_int_gcd(mt_obj_t a, mt_obj_t b) {
    a = mt_int_unwrap(a);
    b = mt_int_unwrap(b);
    if (mt_int_sign(a) < 0) {
        a = iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), a);
    }
    if (mt_int_sign(b) < 0) {
        b = iop(MT_BINOP_SUB, MT_NEW_SMALL_INT(0), b);
    }
    while (b != MT_NEW_SMALL_INT(0)) {
        if (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) {
            mt_int_t x = MT_SMALL_INT_VALUE(a), y = MT_SMALL_INT_VALUE(b);
            while (y != 0) {
                mt_int_t t = x % y;
                x = y;
                y = t;
            }
            return MT_NEW_SMALL_INT(x);
        }
        mt_obj_t t = iop(MT_BINOP_MOD, a, b);
        a = b;
        b = t;
    }
    return a;
}

/* ---- bytes --------------------------------------------------------------------------------- */

mt_obj_t mt_int_from_bytes(const uint8_t *buf, size_t n, bool big_endian, bool is_signed) {
    if (n < sizeof(long long)) {
        unsigned long long v = 0;
        for (size_t k = 0; k < n; k++) {
            v = (v << 8) | buf[big_endian ? k : n - 1 - k];
        }
        if (is_signed && n > 0 && (v >> (8 * n - 1)) & 1) {
            return mt_int_from_ll((long long)v - (long long)(1ULL << (8 * n - 1)) * 2);
        }
        return mt_int_from_ull(v);
    }
    mt_mpz_t *z = mt_mpz_alloc((n * 8 + MT_MPZ_DIG_BITS - 1) / MT_MPZ_DIG_BITS);
    for (size_t k = 0; k < n; k++) {
        size_t bit = 8 * k;
        uint8_t byte = buf[big_endian ? n - 1 - k : k];
        z->d[bit / MT_MPZ_DIG_BITS] |=
            (mt_mpz_dig_t)((mt_mpz_dig_t)byte << (bit % MT_MPZ_DIG_BITS));
    }
    mt_obj_t r = mt_mpz_finish(z);
    if (is_signed && (buf[big_endian ? 0 : n - 1] & 0x80)) {
        mt_mpz_buf_t b1, b2;
        mt_obj_t top = mt_mpz_shl(mt_mpz_from_ll_buf(1, &b1), 8 * n);
        mt_mpz_buf_t b3;
        r = mt_mpz_sub(mt_mpz_of(r, &b2), mt_mpz_of(top, &b3));
    }
    return r;
}

void mt_int_to_bytes(mt_obj_t i, size_t n, bool big_endian, bool is_signed, uint8_t *out) {
    i = mt_int_unwrap(i);
    int sign = mt_int_sign(i);
    if (sign < 0 && !is_signed) {
        mt_raise_msg(&mt_type_OverflowError, "can't convert negative int to unsigned");
    }
    /* bits needed: for negatives those of ~i, plus the sign bit when signed */
    mt_obj_t mag = sign < 0 ? int_unary_op(MT_UNOP_INVERT, i) : i;
    size_t bits = mt_int_bit_length(mag) + (is_signed ? 1 : 0);
    if (bits > 8 * n) {
        mt_raise_msg(&mt_type_OverflowError, "int too big to convert");
    }
    mt_mpz_buf_t b;
    const mt_mpz_t *z = mt_mpz_of(mag, &b);
    uint8_t fill = sign < 0 ? 0xff : 0;
    for (size_t k = 0; k < n; k++) {
        size_t bit = 8 * k;
        uint8_t byte = 0;
        if (bit / MT_MPZ_DIG_BITS < z->len) {
            byte = (uint8_t)(z->d[bit / MT_MPZ_DIG_BITS] >> (bit % MT_MPZ_DIG_BITS));
        }
        out[big_endian ? n - 1 - k : k] = byte ^ fill;
    }
}

/* ---- methods ------------------------------------------------------------------------------- */

static bool parse_byteorder(mt_obj_t o) {
    if (!mt_obj_is_str(o)) {
        mt_raise_fmt(&mt_type_TypeError, "to_bytes() argument 'byteorder' must be str, not %q",
                     mt_obj_type_name(o));
    }
    mt_qstr_t q = mt_obj_str_to_qstr(o);
    if (q != MT_QSTR_big && q != MT_QSTR_little) {
        mt_raise_value_error("byteorder must be either 'little' or 'big'");
    }
    return q == MT_QSTR_big;
}

static mt_obj_t int_to_bytes(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_length, 0, MT_NEW_SMALL_INT(1)},
        {MT_QSTR_byteorder, 0, MT_NEW_QSTR(MT_QSTR_big)},
        {MT_QSTR_signed, MT_ARG_KW_ONLY, MT_FALSE},
    };
    mt_obj_t a[3];
    mt_arg_parse(n - 1, args + 1, kw, 3, spec, a);
    mt_int_t len = mt_obj_get_index(a[0]);
    if (len < 0) {
        mt_raise_value_error("length argument must be non-negative");
    }
    bool big = parse_byteorder(a[1]);
    mt_vstr_t v;
    mt_vstr_init(&v, (size_t)len);
    uint8_t *buf = (uint8_t *)mt_vstr_extend(&v, (size_t)len);
    mt_int_to_bytes(args[0], (size_t)len, big, mt_is_true(a[2]), buf);
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_KW(int_to_bytes_obj, 1, int_to_bytes);

static mt_obj_t int_from_bytes(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_bytes, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_byteorder, 0, MT_NEW_QSTR(MT_QSTR_big)},
        {MT_QSTR_signed, MT_ARG_KW_ONLY, MT_FALSE},
    };
    mt_obj_t a[3];
    mt_arg_parse(n - 1, args + 1, kw, 3, spec, a);
    bool big = parse_byteorder(a[1]);
    mt_buffer_info_t info;
    if (!mt_get_buffer(a[0], &info, MT_BUFFER_READ)) {
        /* an iterable of ints */
        mt_vstr_t v;
        mt_vstr_init(&v, 16);
        mt_iter_buf_t ib;
        mt_obj_t it = mt_getiter(a[0], &ib), x;
        while ((x = mt_iternext(it)) != MT_NULL) {
            mt_int_t b = mt_obj_get_index(x);
            if (b < 0 || b > 255) {
                mt_raise_value_error("bytes must be in range(0, 256)");
            }
            mt_vstr_add_byte(&v, (uint8_t)b);
        }
        info.buf = v.buf;
        info.len = v.len;
    }
    mt_obj_t r = mt_int_from_bytes(info.buf, info.len, big, mt_is_true(a[2]));
    if (args[0] != MT_OBJ_FROM_PTR(&mt_type_int)) {
        r = mt_call1(args[0], r);
    }
    return r;
}
static MT_DEFINE_FUN_KW(int_from_bytes_fun_obj, 1, int_from_bytes);
static const mt_staticmethod_t int_from_bytes_obj = {{&mt_type_classmethod},
                                                     MT_ROM_PTR(&int_from_bytes_fun_obj)};

static mt_obj_t int_bit_length(mt_obj_t self) {
    return mt_int_from_ull(mt_int_bit_length(self));
}
static MT_DEFINE_FUN_1(int_bit_length_obj, int_bit_length);

static mt_obj_t int_bit_count(mt_obj_t self) {
    mt_mpz_buf_t b;
    const mt_mpz_t *z = as_mpz(self, &b);
    size_t n = 0;
    for (size_t k = 0; k < z->len; k++) {
        n += (size_t)__builtin_popcountl((unsigned long)z->d[k]);
    }
    return MT_NEW_SMALL_INT(n);
}
static MT_DEFINE_FUN_1(int_bit_count_obj, int_bit_count);

static mt_obj_t int_self(mt_obj_t self) {
    return mt_int_unwrap(self);
}
static MT_DEFINE_FUN_1(int_self_obj, int_self);

static mt_obj_t int_as_integer_ratio(mt_obj_t self) {
    mt_obj_t items[2] = {mt_int_unwrap(self), MT_NEW_SMALL_INT(1)};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_1(int_as_integer_ratio_obj, int_as_integer_ratio);

static mt_obj_t int_round(size_t n, const mt_obj_t *args) {
    mt_obj_t self = mt_int_unwrap(args[0]);
    if (n < 2) {
        return self;
    }
    mt_int_t nd = mt_obj_get_index(args[1]);
    if (nd >= 0) {
        return self;
    }
    if ((unsigned long long)-(long long)nd > mt_int_bit_length(self) / 3 + 2) {
        return MT_NEW_SMALL_INT(0);
    }
    /* round half to even at 10**-nd */
    mt_obj_t p =
        mt_int_binary_op(MT_BINOP_POW, MT_NEW_SMALL_INT(10), mt_int_from_ll(-(long long)nd));
    mt_obj_t q = iop(MT_BINOP_FLOORDIV, self, p), r = iop(MT_BINOP_MOD, self, p);
    int c = mt_int_cmp(iop(MT_BINOP_MUL, r, MT_NEW_SMALL_INT(2)), p);
    if (c > 0 || (c == 0 && iop(MT_BINOP_AND, q, MT_NEW_SMALL_INT(1)) != MT_NEW_SMALL_INT(0))) {
        q = iop(MT_BINOP_ADD, q, MT_NEW_SMALL_INT(1));
    }
    return iop(MT_BINOP_MUL, q, p);
}
static MT_DEFINE_FUN_VAR(int_round_obj, 1, 2, int_round);

static void int_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return; /* store/delete: not supported */
    }
    switch (attr) {
    case MT_QSTR_real:
    case MT_QSTR_numerator: dest[0] = mt_int_unwrap(o); break;
    case MT_QSTR_imag: dest[0] = MT_NEW_SMALL_INT(0); break;
    case MT_QSTR_denominator: dest[0] = MT_NEW_SMALL_INT(1); break;
    default: break;
    }
}

static const mt_map_elem_t int_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___ceil__), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR___floor__), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR___index__), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR___int__), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR___round__), MT_ROM_PTR(&int_round_obj)},
    {MT_ROM_QSTR(MT_QSTR___trunc__), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR_as_integer_ratio), MT_ROM_PTR(&int_as_integer_ratio_obj)},
    {MT_ROM_QSTR(MT_QSTR_bit_count), MT_ROM_PTR(&int_bit_count_obj)},
    {MT_ROM_QSTR(MT_QSTR_bit_length), MT_ROM_PTR(&int_bit_length_obj)},
    {MT_ROM_QSTR(MT_QSTR_conjugate), MT_ROM_PTR(&int_self_obj)},
    {MT_ROM_QSTR(MT_QSTR_from_bytes), MT_ROM_PTR(&int_from_bytes_obj)},
    {MT_ROM_QSTR(MT_QSTR_to_bytes), MT_ROM_PTR(&int_to_bytes_obj)},
};
static MT_DEFINE_CONST_MAP(int_locals, int_locals_table);

const mt_type_t mt_type_int = {
    .base = {&mt_type_type},
    .name = MT_QSTR_int,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = int_unary_op,
    .binary_op = int_binary_op,
    .attr = int_attr,
    .locals = &int_locals,
};
