/* Arbitrary-precision integers (see mpz.h for the representation and contracts).
 *
 * The algorithms work on magnitudes: (digit pointer, length) pairs, least significant digit
 * first. The signed operations wrap them and build the result object. Temporary digit arrays
 * live in the GC heap and are freed early with mt_free. */
#include <float.h>
#include <math.h>

#include "mpz.h"

typedef mt_mpz_dig_t dig_t;
typedef mt_mpz_ddig_t ddig_t;
#if MT_MPZ_DIG_BITS == 32
typedef int64_t sddig_t;
#else
typedef int32_t sddig_t;
#endif
#define B        MT_MPZ_DIG_BITS
#define DIG_MASK ((dig_t) ~(dig_t)0)
#define MAX_DIGS 0x7ffffff0u

#if MT_CONFIG_FLOAT_DOUBLE
#define MANT_DIG DBL_MANT_DIG
#define MIN_EXP  DBL_MIN_EXP
#define LDEXP    ldexp
#define FREXP    frexp
#else
#define MANT_DIG FLT_MANT_DIG
#define MIN_EXP  FLT_MIN_EXP
#define LDEXP    ldexpf
#define FREXP    frexpf
#endif

/* ---- allocation ---------------------------------------------------------------------------- */

mt_mpz_t *mt_mpz_alloc(size_t len) {
    if (len > MAX_DIGS) {
        mt_raise_memory_error();
    }
    mt_mpz_t *z = mt_alloc(sizeof(mt_mpz_t) + len * sizeof(dig_t));
    z->base.type = &mt_type_int;
    z->len = (uint32_t)len;
    return z;
}

static dig_t *tmp_digits(size_t len) {
    if (len > MAX_DIGS) {
        mt_raise_memory_error();
    }
    return mt_alloc((len ? len : 1) * sizeof(dig_t));
}

static size_t mag_norm(const dig_t *d, size_t len) {
    while (len > 0 && d[len - 1] == 0) {
        len--;
    }
    return len;
}

/* magnitude of d[0..len) as a ull; false if it does not fit */
static bool mag_to_ull(const dig_t *d, size_t len, unsigned long long *out) {
    unsigned long long v = 0;
    for (size_t i = len; i-- > 0;) {
        if (i * B >= 64) {
            if (d[i] != 0) {
                return false;
            }
            continue;
        }
        v |= (unsigned long long)d[i] << (i * B);
    }
    *out = v;
    return true;
}

mt_obj_t mt_mpz_finish(mt_mpz_t *z) {
    z->len = (uint32_t)mag_norm(z->d, z->len);
    if (z->len == 0) {
        return MT_NEW_SMALL_INT(0);
    }
    unsigned long long m;
    if (z->len <= MT_MPZ_LL_DIGS && mag_to_ull(z->d, z->len, &m)) {
        if (!z->neg && m <= (unsigned long long)MT_SMALL_INT_MAX) {
            return MT_NEW_SMALL_INT((mt_int_t)m);
        }
        if (z->neg && m <= (unsigned long long)MT_SMALL_INT_MAX + 1) {
            return MT_NEW_SMALL_INT(-(mt_int_t)(m - 1) - 1);
        }
    }
    return MT_OBJ_FROM_PTR(z);
}

static size_t ull_to_digits(unsigned long long m, dig_t *d) {
    size_t n = 0;
    while (m != 0) {
        d[n++] = (dig_t)m;
        m >>= B;
    }
    return n;
}

const mt_mpz_t *mt_mpz_from_ll_buf(long long v, mt_mpz_buf_t *buf) {
    buf->z.base.type = &mt_type_int;
    buf->z.neg = v < 0;
    unsigned long long m = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    buf->z.len = (uint32_t)ull_to_digits(m, buf->d);
    return &buf->z;
}

const mt_mpz_t *mt_mpz_of(mt_obj_t o, mt_mpz_buf_t *buf) {
    if (MT_IS_SMALL_INT(o)) {
        return mt_mpz_from_ll_buf(MT_SMALL_INT_VALUE(o), buf);
    }
    if (o == MT_TRUE || o == MT_FALSE) {
        return mt_mpz_from_ll_buf(o == MT_TRUE, buf);
    }
    return MT_OBJ_TO_PTR(o);
}

static mt_obj_t from_mag(unsigned long long m, bool neg) {
    mt_mpz_t *z = mt_mpz_alloc(MT_MPZ_LL_DIGS);
    z->len = (uint32_t)ull_to_digits(m, z->d);
    z->neg = neg;
    return mt_mpz_finish(z);
}

mt_obj_t mt_mpz_from_ll(long long v) {
    if (MT_SMALL_INT_FITS(v)) {
        return MT_NEW_SMALL_INT((mt_int_t)v);
    }
    return from_mag(v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, v < 0);
}

mt_obj_t mt_mpz_from_ull(unsigned long long v) {
    if (v <= (unsigned long long)MT_SMALL_INT_MAX) {
        return MT_NEW_SMALL_INT((mt_int_t)v);
    }
    return from_mag(v, false);
}

bool mt_mpz_to_ll(const mt_mpz_t *z, long long *out) {
    unsigned long long m;
    if (z->len > MT_MPZ_LL_DIGS || !mag_to_ull(z->d, z->len, &m)) {
        return false;
    }
    if (z->neg) {
        if (m > (unsigned long long)INT64_MAX + 1) {
            return false;
        }
        *out = (long long)(0 - m);
    } else {
        if (m > (unsigned long long)INT64_MAX) {
            return false;
        }
        *out = (long long)m;
    }
    return true;
}

/* ---- magnitude arithmetic ------------------------------------------------------------------ */

static int mag_cmp(const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    if (alen != blen) {
        return alen < blen ? -1 : 1;
    }
    for (size_t i = alen; i-- > 0;) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

/* r[0..alen] = a + b, alen >= blen; r may alias a; returns the length used */
static size_t mag_add(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    ddig_t carry = 0;
    size_t i = 0;
    for (; i < blen; i++) {
        carry += (ddig_t)a[i] + b[i];
        r[i] = (dig_t)carry;
        carry >>= B;
    }
    for (; i < alen; i++) {
        carry += a[i];
        r[i] = (dig_t)carry;
        carry >>= B;
    }
    r[alen] = (dig_t)carry;
    return alen + 1;
}

/* r[0..alen) = a - b, |a| >= |b|; r may alias a */
static size_t mag_sub(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    dig_t borrow = 0;
    size_t i = 0;
    for (; i < blen; i++) {
        ddig_t t = (ddig_t)a[i] - b[i] - borrow;
        r[i] = (dig_t)t;
        borrow = (dig_t)((t >> B) & 1);
    }
    for (; i < alen; i++) {
        ddig_t t = (ddig_t)a[i] - borrow;
        r[i] = (dig_t)t;
        borrow = (dig_t)((t >> B) & 1);
    }
    return mag_norm(r, alen);
}

/* r[0..alen+blen) = a * b by schoolbook multiplication; r zeroed, not aliasing a or b */
static void mag_mul_school(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    for (size_t i = 0; i < alen; i++) {
        ddig_t ai = a[i], carry = 0;
        if (ai == 0) {
            continue;
        }
        dig_t *ri = r + i;
        for (size_t j = 0; j < blen; j++) {
            carry += ai * b[j] + ri[j];
            ri[j] = (dig_t)carry;
            carry >>= B;
        }
        ri[blen] = (dig_t)carry;
    }
}

/* r[0..rlen) += t[0..tlen) (the sum fits in rlen digits) */
static void mag_add_into(dig_t *r, size_t rlen, const dig_t *t, size_t tlen) {
    ddig_t carry = 0;
    size_t i = 0;
    for (; i < tlen; i++) {
        carry += (ddig_t)r[i] + t[i];
        r[i] = (dig_t)carry;
        carry >>= B;
    }
    for (; carry && i < rlen; i++) {
        carry += r[i];
        r[i] = (dig_t)carry;
        carry >>= B;
    }
}

/* operands below this many digits multiply by schoolbook, above by Karatsuba */
#define KARATSUBA_MIN (B == 32 ? 40 : 64)

static void mag_mul(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen);

/* Karatsuba for alen >= blen > alen / 2: with a = a1 X + a0, b = b1 X + b0 (X = 2**(B h)),
 * a b = a1 b1 X^2 + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) X + a0 b0 */
static void mag_mul_karatsuba(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    size_t h = (alen + 1) / 2;
    size_t a0len = mag_norm(a, h), b0len = mag_norm(b, h);
    size_t a1len = alen - h, b1len = blen - h;
    /* z0 = a0 b0 in r[0..2h), z2 = a1 b1 in r[2h..) */
    mag_mul(r, a, a0len, b, b0len);
    mag_mul(r + 2 * h, a + h, a1len, b + h, b1len);
    dig_t *sa = tmp_digits(2 * (h + 1) + 2 * h + 2);
    dig_t *sb = sa + h + 1, *t = sb + h + 1;
    memcpy(sa, a, h * sizeof(dig_t));
    memcpy(sb, b, h * sizeof(dig_t));
    sa[h] = 0;
    sb[h] = 0;
    mag_add_into(sa, h + 1, a + h, a1len);
    mag_add_into(sb, h + 1, b + h, b1len);
    mag_mul(t, sa, mag_norm(sa, h + 1), sb, mag_norm(sb, h + 1));
    /* t -= z0 + z2 */
    size_t tlen = 2 * h + 2;
    mag_sub(t, t, tlen, r, mag_norm(r, 2 * h));
    mag_sub(t, t, tlen, r + 2 * h, mag_norm(r + 2 * h, alen + blen - 2 * h));
    mag_add_into(r + h, alen + blen - h, t, mag_norm(t, tlen));
    mt_free(sa);
}

/* r[0..alen+blen) = a * b; r zeroed and not aliasing a or b; lengths may be 0 */
static void mag_mul(dig_t *r, const dig_t *a, size_t alen, const dig_t *b, size_t blen) {
    if (alen < blen) {
        const dig_t *t = a;
        a = b;
        b = t;
        size_t tl = alen;
        alen = blen;
        blen = tl;
    }
    if (blen < KARATSUBA_MIN) {
        mag_mul_school(r, b, blen, a, alen); /* the long operand in the inner loop */
    } else if (alen >= 2 * blen) {
        /* unbalanced: a in slices of blen digits */
        dig_t *t = tmp_digits(2 * blen);
        for (size_t off = 0; off < alen; off += blen) {
            size_t n = alen - off < blen ? alen - off : blen;
            memset(t, 0, 2 * blen * sizeof(dig_t));
            mag_mul(t, a + off, n, b, blen);
            mag_add_into(r + off, alen + blen - off, t, mag_norm(t, n + blen));
        }
        mt_free(t);
    } else {
        mag_mul_karatsuba(r, a, alen, b, blen);
    }
}

/* d[0..len) = d * m + add, returns the carry out */
static dig_t mag_mul1_add(dig_t *d, size_t len, dig_t m, dig_t add) {
    ddig_t carry = add;
    for (size_t i = 0; i < len; i++) {
        carry += (ddig_t)d[i] * m;
        d[i] = (dig_t)carry;
        carry >>= B;
    }
    return (dig_t)carry;
}

/* q[0..len) = a / v, returns a % v; q may alias a */
static dig_t mag_div1(dig_t *q, const dig_t *a, size_t len, dig_t v) {
    ddig_t rem = 0;
    for (size_t i = len; i-- > 0;) {
        rem = (rem << B) | a[i];
        q[i] = (dig_t)(rem / v);
        rem %= v;
    }
    return (dig_t)rem;
}

static int dig_clz(dig_t d) {
    int n = 0;
    while (!(d & ((dig_t)1 << (B - 1)))) {
        d <<= 1;
        n++;
    }
    return n;
}

/* Knuth's algorithm D. u has m digits, v has n >= 2 digits (top non-zero), m >= n.
 * q gets m-n+1 digits, r gets n digits (either may be NULL). Returns remainder != 0. */
static bool mag_divmod(dig_t *q, dig_t *r, const dig_t *u, size_t m, const dig_t *v, size_t n) {
    int s = dig_clz(v[n - 1]);
    dig_t *vn = tmp_digits(n + m + 1);
    dig_t *un = vn + n;
    for (size_t i = n; i-- > 1;) {
        vn[i] = s ? (dig_t)((v[i] << s) | (v[i - 1] >> (B - s))) : v[i];
    }
    vn[0] = (dig_t)(v[0] << s);
    un[m] = s ? (dig_t)(u[m - 1] >> (B - s)) : 0;
    for (size_t i = m; i-- > 1;) {
        un[i] = s ? (dig_t)((u[i] << s) | (u[i - 1] >> (B - s))) : u[i];
    }
    un[0] = (dig_t)(u[0] << s);
    const ddig_t base = (ddig_t)1 << B;
    for (size_t j = m - n + 1; j-- > 0;) {
        ddig_t num = ((ddig_t)un[j + n] << B) | un[j + n - 1];
        ddig_t qhat = num / vn[n - 1];
        ddig_t rhat = num % vn[n - 1];
        while (qhat >= base || qhat * vn[n - 2] > ((rhat << B) | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >= base) {
                break;
            }
        }
        sddig_t borrow = 0, t;
        for (size_t i = 0; i < n; i++) {
            ddig_t p = qhat * vn[i];
            t = (sddig_t)un[i + j] - borrow - (sddig_t)(p & DIG_MASK);
            un[i + j] = (dig_t)t;
            borrow = (sddig_t)(p >> B) - (t >> B);
        }
        t = (sddig_t)un[j + n] - borrow;
        un[j + n] = (dig_t)t;
        if (t < 0) {
            qhat--;
            ddig_t carry = 0;
            for (size_t i = 0; i < n; i++) {
                carry += (ddig_t)un[i + j] + vn[i];
                un[i + j] = (dig_t)carry;
                carry >>= B;
            }
            un[j + n] = (dig_t)(un[j + n] + carry);
        }
        if (q) {
            q[j] = (dig_t)qhat;
        }
    }
    bool nonzero = mag_norm(un, n) != 0;
    if (r) {
        for (size_t i = 0; i < n; i++) {
            r[i] = s ? (dig_t)((un[i] >> s) | (un[i + 1] << (B - s))) : un[i];
        }
    }
    mt_free(vn);
    return nonzero;
}

/* q = |a| / |b| (alen-blen+1 digits), r = |a| % |b| (blen digits), either may be NULL;
 * |a| >= |b| > 0. Returns remainder != 0. */
static bool mag_divmod_any(dig_t *q, dig_t *r, const dig_t *a, size_t alen, const dig_t *b,
                           size_t blen) {
    if (blen > 1) {
        return mag_divmod(q, r, a, alen, b, blen);
    }
    dig_t rem;
    if (q) {
        rem = mag_div1(q, a, alen, b[0]);
    } else {
        ddig_t x = 0;
        for (size_t i = alen; i-- > 0;) {
            x = ((x << B) | a[i]) % b[0];
        }
        rem = (dig_t)x;
    }
    if (r) {
        r[0] = rem;
    }
    return rem != 0;
}

/* ---- signed operations --------------------------------------------------------------------- */

int mt_mpz_cmp_mag(const mt_mpz_t *a, const mt_mpz_t *b) {
    return mag_cmp(a->d, a->len, b->d, b->len);
}

int mt_mpz_cmp(const mt_mpz_t *a, const mt_mpz_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = mag_cmp(a->d, a->len, b->d, b->len);
    return a->neg ? -c : c;
}

/* (a_neg ? -|a| : |a|) + (b_neg ? -|b| : |b|) */
static mt_obj_t add_signed(const mt_mpz_t *a, bool a_neg, const mt_mpz_t *b, bool b_neg) {
    if (a->len < b->len) {
        const mt_mpz_t *t = a;
        a = b;
        b = t;
        bool tn = a_neg;
        a_neg = b_neg;
        b_neg = tn;
    }
    mt_mpz_t *z = mt_mpz_alloc(a->len + 1);
    if (a_neg == b_neg) {
        mag_add(z->d, a->d, a->len, b->d, b->len);
        z->neg = a_neg;
    } else if (mag_cmp(a->d, a->len, b->d, b->len) >= 0) {
        z->len = (uint32_t)mag_sub(z->d, a->d, a->len, b->d, b->len);
        z->neg = a_neg;
    } else {
        z->len = (uint32_t)mag_sub(z->d, b->d, b->len, a->d, a->len);
        z->neg = b_neg;
    }
    return mt_mpz_finish(z);
}

mt_obj_t mt_mpz_add(const mt_mpz_t *a, const mt_mpz_t *b) {
    return add_signed(a, a->neg, b, b->neg);
}

mt_obj_t mt_mpz_sub(const mt_mpz_t *a, const mt_mpz_t *b) {
    return add_signed(a, a->neg, b, !b->neg);
}

mt_obj_t mt_mpz_mul(const mt_mpz_t *a, const mt_mpz_t *b) {
    if (a->len == 0 || b->len == 0) {
        return MT_NEW_SMALL_INT(0);
    }
    mt_mpz_t *z = mt_mpz_alloc((size_t)a->len + b->len);
    mag_mul(z->d, a->d, a->len, b->d, b->len);
    z->neg = a->neg != b->neg;
    return mt_mpz_finish(z);
}

static mt_mpz_t *copy(const mt_mpz_t *a, size_t extra) {
    mt_mpz_t *z = mt_mpz_alloc(a->len + extra);
    memcpy(z->d, a->d, a->len * sizeof(dig_t));
    z->neg = a->neg;
    return z;
}

mt_obj_t mt_mpz_neg(const mt_mpz_t *a) {
    mt_mpz_t *z = copy(a, 0);
    z->neg = !a->neg && a->len != 0;
    return mt_mpz_finish(z);
}

mt_obj_t mt_mpz_abs(const mt_mpz_t *a) {
    mt_mpz_t *z = copy(a, 0);
    z->neg = 0;
    return mt_mpz_finish(z);
}

/* truncated |a| / |b| into fresh unsigned q and r objects, each only when asked for (else
 * NULL). q has a spare top digit, r room for |b|'s digits. Returns remainder != 0. */
static bool divmod_mag(const mt_mpz_t *a, const mt_mpz_t *b, mt_mpz_t **q, mt_mpz_t **r) {
    bool small = mag_cmp(a->d, a->len, b->d, b->len) < 0;
    mt_mpz_t *qz = q ? mt_mpz_alloc(small ? 2 : a->len - b->len + 2) : NULL;
    mt_mpz_t *rz = r ? mt_mpz_alloc(b->len) : NULL;
    bool nonzero;
    if (small) {
        if (rz) {
            memcpy(rz->d, a->d, a->len * sizeof(dig_t));
        }
        nonzero = a->len != 0;
    } else {
        nonzero = mag_divmod_any(qz ? qz->d : NULL, rz ? rz->d : NULL, a->d, a->len, b->d, b->len);
    }
    if (q) {
        *q = qz;
    }
    if (r) {
        rz->len = (uint32_t)mag_norm(rz->d, rz->len);
        *r = rz;
    }
    return nonzero;
}

void mt_mpz_divmod(const mt_mpz_t *a, const mt_mpz_t *b, mt_obj_t *qo, mt_obj_t *ro) {
    mt_mpz_t *q, *r;
    bool nonzero = divmod_mag(a, b, qo ? &q : NULL, ro ? &r : NULL);
    /* floor: when the signs differ and the division is inexact, q = -(q + 1) and
     * r = |b| - r with the sign of b */
    bool adjust = a->neg != b->neg && nonzero;
    if (qo) {
        if (adjust) {
            static const dig_t one = 1;
            mag_add(q->d, q->d, q->len - 1, &one, 1);
        }
        q->neg = a->neg != b->neg;
        *qo = mt_mpz_finish(q);
    }
    if (ro) {
        if (adjust) {
            r->len = (uint32_t)mag_sub(r->d, b->d, b->len, r->d, r->len);
        }
        r->neg = b->neg;
        *ro = mt_mpz_finish(r);
    }
}

mt_obj_t mt_mpz_divmod_trunc(const mt_mpz_t *a, const mt_mpz_t *b, bool *rem_nonzero) {
    mt_mpz_t *q;
    *rem_nonzero = divmod_mag(a, b, &q, NULL);
    q->neg = a->neg != b->neg;
    return mt_mpz_finish(q);
}

size_t mt_mpz_bit_length(const mt_mpz_t *a) {
    if (a->len == 0) {
        return 0;
    }
    return (size_t)a->len * B - (size_t)dig_clz(a->d[a->len - 1]);
}

mt_obj_t mt_mpz_pow(const mt_mpz_t *a, const mt_mpz_t *e) {
    mt_mpz_buf_t b1, b2;
    if (e->len == 0) {
        return MT_NEW_SMALL_INT(1);
    }
    if (a->len == 0 || (a->len == 1 && a->d[0] == 1)) {
        /* 0, 1, -1 to any power */
        bool odd = e->d[0] & 1;
        return a->len == 0 ? MT_NEW_SMALL_INT(0) : MT_NEW_SMALL_INT(a->neg && odd ? -1 : 1);
    }
    size_t ebits = mt_mpz_bit_length(e);
    const uint64_t max_bits = (uint64_t)MAX_DIGS * B;
    if (ebits > 40 || (uint64_t)(mt_mpz_bit_length(a) - 1) > max_bits >> (ebits - 1)) {
        mt_raise_memory_error();
    }
    mt_obj_t r = MT_OBJ_FROM_PTR(a);
    for (size_t i = ebits - 1; i-- > 0;) {
        const mt_mpz_t *rz = mt_mpz_of(r, &b1);
        r = mt_mpz_mul(rz, rz);
        if ((e->d[i / B] >> (i % B)) & 1) {
            r = mt_mpz_mul(mt_mpz_of(r, &b2), a);
        }
    }
    return r == MT_OBJ_FROM_PTR(a) ? mt_mpz_mul(a, mt_mpz_from_ll_buf(1, &b1)) : r;
}

/* |x| mod |m| */
static mt_obj_t mod_mag(mt_obj_t x, const mt_mpz_t *m) {
    mt_mpz_buf_t b;
    const mt_mpz_t *xz = mt_mpz_of(x, &b);
    mt_mpz_t *r;
    divmod_mag(xz, m, NULL, &r);
    r->neg = 0;
    return mt_mpz_finish(r);
}

mt_obj_t mt_mpz_powmod(const mt_mpz_t *a, const mt_mpz_t *e, const mt_mpz_t *m) {
    mt_mpz_buf_t b1, b2, b3;
    /* base reduced into [0, |m|) */
    mt_obj_t base = mod_mag(MT_OBJ_FROM_PTR(a), m);
    if (a->neg && base != MT_NEW_SMALL_INT(0)) {
        base = mt_mpz_sub(mt_mpz_of(mt_mpz_abs(m), &b1), mt_mpz_of(base, &b2));
    }
    mt_obj_t r = mod_mag(MT_NEW_SMALL_INT(1), m);
    size_t ebits = mt_mpz_bit_length(e);
    for (size_t i = ebits; i-- > 0;) {
        const mt_mpz_t *rz = mt_mpz_of(r, &b1);
        r = mod_mag(mt_mpz_mul(rz, rz), m);
        if ((e->d[i / B] >> (i % B)) & 1) {
            r = mod_mag(mt_mpz_mul(mt_mpz_of(r, &b2), mt_mpz_of(base, &b3)), m);
        }
    }
    if (m->neg && r != MT_NEW_SMALL_INT(0)) {
        r = mt_mpz_add(mt_mpz_of(r, &b1), m); /* r - |m| */
    }
    return r;
}

mt_obj_t mt_mpz_shl(const mt_mpz_t *a, size_t n) {
    if (a->len == 0) {
        return MT_NEW_SMALL_INT(0);
    }
    size_t dshift = n / B, bshift = n % B;
    if (dshift > MAX_DIGS) {
        mt_raise_memory_error();
    }
    mt_mpz_t *z = mt_mpz_alloc(a->len + dshift + 1);
    dig_t carry = 0;
    for (size_t i = 0; i < a->len; i++) {
        z->d[i + dshift] = (dig_t)((a->d[i] << bshift) | carry);
        carry = bshift ? (dig_t)(a->d[i] >> (B - bshift)) : 0;
    }
    z->d[a->len + dshift] = carry;
    z->neg = a->neg;
    return mt_mpz_finish(z);
}

mt_obj_t mt_mpz_shr(const mt_mpz_t *a, size_t n) {
    size_t dshift = n / B, bshift = n % B;
    if (dshift >= a->len) {
        return MT_NEW_SMALL_INT(a->neg ? -1 : 0);
    }
    bool lost = false;
    for (size_t i = 0; i < dshift; i++) {
        lost |= a->d[i] != 0;
    }
    lost |= bshift && (dig_t)(a->d[dshift] << (B - bshift)) != 0;
    size_t len = a->len - dshift;
    mt_mpz_t *z = mt_mpz_alloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        dig_t hi = i + 1 < len ? a->d[dshift + i + 1] : 0;
        z->d[i] = bshift ? (dig_t)((a->d[dshift + i] >> bshift) | (hi << (B - bshift)))
                         : a->d[dshift + i];
    }
    z->neg = a->neg;
    if (a->neg && lost) {
        /* floor for negatives: the magnitude rounds up */
        static const dig_t one = 1;
        mag_add(z->d, z->d, len, &one, 1);
    }
    return mt_mpz_finish(z);
}

/* two's complement of a in out[0..n) (n > a->len) */
static void to_twos(dig_t *out, size_t n, const mt_mpz_t *a) {
    dig_t borrow = a->neg;
    for (size_t i = 0; i < n; i++) {
        dig_t d = i < a->len ? a->d[i] : 0;
        if (a->neg) {
            dig_t t = (dig_t)(d - borrow);
            borrow = d < borrow;
            out[i] = (dig_t)~t;
        } else {
            out[i] = d;
        }
    }
}

static mt_obj_t bitwise(const mt_mpz_t *a, const mt_mpz_t *b, int op) {
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    mt_mpz_t *z = mt_mpz_alloc(n);
    dig_t *tb = tmp_digits(n);
    to_twos(z->d, n, a);
    to_twos(tb, n, b);
    for (size_t i = 0; i < n; i++) {
        z->d[i] = op == 0 ? (z->d[i] & tb[i]) : op == 1 ? (z->d[i] | tb[i]) : (z->d[i] ^ tb[i]);
    }
    mt_free(tb);
    if (z->d[n - 1] >> (B - 1)) {
        /* negative: magnitude = ~x + 1 */
        dig_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            dig_t t = (dig_t)(~z->d[i] + carry);
            carry = carry && t == 0;
            z->d[i] = t;
        }
        z->neg = 1;
    }
    return mt_mpz_finish(z);
}

mt_obj_t mt_mpz_and(const mt_mpz_t *a, const mt_mpz_t *b) {
    return bitwise(a, b, 0);
}

mt_obj_t mt_mpz_or(const mt_mpz_t *a, const mt_mpz_t *b) {
    return bitwise(a, b, 1);
}

mt_obj_t mt_mpz_xor(const mt_mpz_t *a, const mt_mpz_t *b) {
    return bitwise(a, b, 2);
}

mt_obj_t mt_mpz_invert(const mt_mpz_t *a) {
    mt_mpz_buf_t b;
    /* ~a == -a - 1 == -(a + 1) */
    mt_obj_t a1 = mt_mpz_add(a, mt_mpz_from_ll_buf(1, &b));
    mt_mpz_buf_t b2;
    return mt_mpz_neg(mt_mpz_of(a1, &b2));
}

/* ---- strings ------------------------------------------------------------------------------- */

static int log2_floor(int base) {
    int n = 0;
    while ((1 << (n + 1)) <= base) {
        n++;
    }
    return n;
}

/* the largest power of base that fits a digit, and its exponent */
static dig_t chunk_power(int base, int *k) {
    dig_t p = (dig_t)base;
    *k = 1;
    while ((ddig_t)p * (dig_t)base <= DIG_MASK) {
        p = (dig_t)(p * base);
        (*k)++;
    }
    return p;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

mt_obj_t mt_mpz_parse_digits(const char *s, size_t len, int base) {
    int lg = log2_floor(base);
    bool pow2 = (1 << lg) == base;
    /* upper bound of the bits: len * ceil(log2(base)) */
    size_t bits = len * (size_t)(pow2 ? lg : lg + 1);
    mt_mpz_t *z = mt_mpz_alloc(bits / B + 1);
    if (pow2) {
        size_t bitpos = 0;
        for (size_t i = len; i-- > 0; bitpos += (size_t)lg) {
            ddig_t v = (ddig_t)digit_value(s[i]) << (bitpos % B);
            z->d[bitpos / B] |= (dig_t)v;
            if ((v >> B) != 0) {
                z->d[bitpos / B + 1] |= (dig_t)(v >> B);
            }
        }
        return mt_mpz_finish(z);
    }
    int k;
    dig_t full = chunk_power(base, &k);
    size_t used = 0;
    for (size_t i = 0; i < len;) {
        dig_t chunk = 0, mul = 1;
        for (int j = 0; j < k && i < len; j++, i++) {
            chunk = (dig_t)(chunk * base + digit_value(s[i]));
            mul = j + 1 == k ? full : (dig_t)(mul * base);
        }
        dig_t carry = mag_mul1_add(z->d, used, mul, chunk);
        if (carry) {
            z->d[used++] = carry;
        }
    }
    return mt_mpz_finish(z);
}

void mt_mpz_format(mt_vstr_t *out, const mt_mpz_t *a, int base, bool upper) {
    static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const char *digits = upper ? upper_digits : lower_digits;
    if (a->len == 0) {
        mt_vstr_add_byte(out, '0');
        return;
    }
    /* the digits are written backwards at the end of room made in out, then moved down */
    int lg = log2_floor(base);
    size_t max = mt_mpz_bit_length(a) / (size_t)lg + 2, start = out->len;
    mt_vstr_extend(out, max);
    char *buf = out->buf + start;
    char *p = buf + max;
    if ((1 << lg) == base) {
        size_t nbits = mt_mpz_bit_length(a);
        for (size_t pos = 0; pos < nbits; pos += (size_t)lg) {
            ddig_t v = a->d[pos / B] >> (pos % B);
            if (pos % B + (size_t)lg > B && pos / B + 1 < a->len) {
                v |= (ddig_t)a->d[pos / B + 1] << (B - pos % B);
            }
            *--p = digits[v & (ddig_t)(base - 1)];
        }
    } else {
        int k;
        dig_t full = chunk_power(base, &k);
        dig_t *t = tmp_digits(a->len);
        memcpy(t, a->d, a->len * sizeof(dig_t));
        size_t len = a->len;
        while (len > 0) {
            dig_t rem = mag_div1(t, t, len, full);
            len = mag_norm(t, len);
            for (int j = 0; j < k && (len > 0 || rem > 0); j++) {
                *--p = digits[rem % (dig_t)base];
                rem = (dig_t)(rem / (dig_t)base);
            }
        }
        mt_free(t);
    }
    if (a->neg) {
        *--p = '-';
    }
    size_t n = (size_t)(buf + max - p);
    memmove(buf, p, n);
    out->len = start + n;
}

/* ---- floats -------------------------------------------------------------------------------- */

static int bitlen64(uint64_t v) {
    int n = 0;
    while (v) {
        v >>= 1;
        n++;
    }
    return n;
}

/* q * 2**e correctly rounded (half even), where bit 0 of q is sticky if q was truncated
 * (then q must have at least MANT_DIG + 2 bits). False on overflow. */
static bool scaled_to_float(uint64_t q, long e, mt_float_t *out) {
    long drop = bitlen64(q) - MANT_DIG;
    long min_drop = (long)(MIN_EXP - MANT_DIG) - e; /* keep the result's lsb >= the min */
    if (drop < min_drop) {
        drop = min_drop;
    }
    if (drop > 0) {
        uint64_t kept, rest, half;
        if (drop > 64) {
            kept = rest = 0;
            half = 1;
        } else if (drop == 64) {
            kept = 0;
            rest = q;
            half = (uint64_t)1 << 63;
        } else {
            kept = q >> drop;
            rest = q & (((uint64_t)1 << drop) - 1);
            half = (uint64_t)1 << (drop - 1);
        }
        if (rest > half || (rest == half && (kept & 1))) {
            kept++;
        }
        q = kept;
        e += drop;
    }
    mt_float_t r = LDEXP((mt_float_t)q, (int)(e > 100000 ? 100000 : e < -100000 ? -100000 : e));
    if (isinf(r)) {
        return false;
    }
    *out = r;
    return true;
}

/* the top bits of |a| as a uint64 below 2**62 with a sticky bit, and the exponent */
static uint64_t top_bits(const mt_mpz_t *a, long *e) {
    size_t n = mt_mpz_bit_length(a);
    size_t shift = n > 62 ? n - 62 : 0;
    uint64_t v = 0;
    for (size_t i = a->len; i-- > 0;) {
        size_t pos = i * B; /* bit position of digit i */
        if (pos + B <= shift) {
            if (a->d[i]) {
                v |= 1;
            }
            continue;
        }
        if (pos >= shift) {
            v |= (uint64_t)a->d[i] << (pos - shift);
        } else {
            v |= (uint64_t)(a->d[i] >> (shift - pos));
            if ((dig_t)(a->d[i] << (B - (shift - pos))) != 0) {
                v |= 1;
            }
        }
    }
    *e = (long)shift;
    return v;
}

bool mt_mpz_to_float(const mt_mpz_t *a, mt_float_t *out) {
    long e;
    uint64_t q = top_bits(a, &e);
    if (!scaled_to_float(q, e, out)) {
        return false;
    }
    if (a->neg) {
        *out = -*out;
    }
    return true;
}

bool mt_mpz_truediv(const mt_mpz_t *a, const mt_mpz_t *b, mt_float_t *out) {
    if (a->len == 0) {
        *out = (b->neg ? -(mt_float_t)0 : (mt_float_t)0);
        return true;
    }
    long na = (long)mt_mpz_bit_length(a), nb = (long)mt_mpz_bit_length(b);
    /* scale so the quotient has MANT_DIG + 3 or + 4 bits */
    long s = (MANT_DIG + 3) - (na - nb);
    mt_mpz_buf_t b1, b2;
    const mt_mpz_t *num = a, *den = b;
    if (s > 0) {
        num = mt_mpz_of(mt_mpz_shl(a, (size_t)s), &b1);
    } else if (s < 0) {
        den = mt_mpz_of(mt_mpz_shl(b, (size_t)-s), &b2);
    }
    mt_mpz_t *q;
    bool rem = divmod_mag(num, den, &q, NULL);
    unsigned long long qv = 0;
    q->len = (uint32_t)mag_norm(q->d, q->len);
    mag_to_ull(q->d, q->len, &qv);
    if (!scaled_to_float(qv | (rem ? 1 : 0), -s, out)) {
        return false;
    }
    if (a->neg != b->neg) {
        *out = -*out;
    }
    return true;
}

mt_obj_t mt_mpz_from_float(mt_float_t f) {
    int e;
    mt_float_t m = FREXP(f, &e);
    if (e <= 0) {
        return MT_NEW_SMALL_INT(0);
    }
    bool neg = m < 0;
    /* integer mantissa M with f == M * 2**(e - MANT_DIG) */
    uint64_t mi = (uint64_t)LDEXP(neg ? -m : m, MANT_DIG);
    long sh = (long)e - MANT_DIG;
    mt_mpz_buf_t b;
    mt_mpz_t *z = mt_mpz_alloc(MT_MPZ_LL_DIGS);
    z->len = (uint32_t)ull_to_digits(sh < 0 ? mi >> -sh : mi, z->d);
    z->neg = neg;
    if (sh <= 0) {
        return mt_mpz_finish(z);
    }
    return mt_mpz_shl(mt_mpz_of(mt_mpz_finish(z), &b), (size_t)sh);
}

uint64_t mt_mpz_mod_mersenne(const mt_mpz_t *a, int bits) {
    uint64_t p = ((uint64_t)1 << bits) - 1, x = 0;
    for (size_t i = a->len; i-- > 0;) {
        /* x * 2**B mod p is a rotation within `bits` bits */
        for (int done = 0; done < B;) {
            int step = B - done < bits - 1 ? B - done : bits - 1;
            x = ((x << step) & p) | (x >> (bits - step));
            done += step;
        }
        x += a->d[i];
        while (x >= p) {
            x -= p;
        }
    }
    return x;
}
