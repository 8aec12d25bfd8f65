/* Arbitrary-precision integers: sign + magnitude, little-endian digits.
 *
 * An mpz object is an int (its type is mt_type_int) whose value does not fit a small int.
 * It is immutable once made. Every operation returning mt_obj_t "normalises": a result that
 * fits a small int is returned as the immediate, never as an mpz object.
 *
 * Digits are 32-bit (64-bit intermediates) on 64-bit hosts and 16-bit (32-bit intermediates)
 * on 32-bit targets like the lx106, which has no 32x32->64 multiply.
 *
 * Operands are `const mt_mpz_t *`; mt_mpz_from_int() makes one on the C stack from a small
 * int, so mixed small/big operations need no allocation for the small side. */
#ifndef MT_MPZ_H
#define MT_MPZ_H

#include "obj.h"

/* MT_MPZ_DIGIT_16 forces 16-bit digits (to test the chip configuration on a host) */
#if UINTPTR_MAX > 0xffffffffu && !defined(MT_MPZ_DIGIT_16)
typedef uint32_t mt_mpz_dig_t;
typedef uint64_t mt_mpz_ddig_t;
#define MT_MPZ_DIG_BITS 32
#else
typedef uint16_t mt_mpz_dig_t;
typedef uint32_t mt_mpz_ddig_t;
#define MT_MPZ_DIG_BITS 16
#endif

typedef struct {
    mt_obj_base_t base; /* &mt_type_int */
    uint32_t len;       /* digits in use; the top one is non-zero (len 0 is zero) */
    uint32_t neg;       /* 1 if negative */
    mt_mpz_dig_t d[];   /* len digits, least significant first */
} mt_mpz_t;

/* room for any long long */
#define MT_MPZ_LL_DIGS ((64 + MT_MPZ_DIG_BITS - 1) / MT_MPZ_DIG_BITS)
typedef struct {
    mt_mpz_t z;
    mt_mpz_dig_t d[MT_MPZ_LL_DIGS];
} mt_mpz_buf_t;

#define MT_IS_MPZ(o) MT_IS_TYPE(o, &mt_type_int)

/* a view of v in buf (no allocation) */
const mt_mpz_t *mt_mpz_from_ll_buf(long long v, mt_mpz_buf_t *buf);
/* o is a small int, bool or mpz object: its mpz (in buf when not already one) */
const mt_mpz_t *mt_mpz_of(mt_obj_t o, mt_mpz_buf_t *buf);

/* a fresh zeroed mpz of len digits (fill it, then mt_mpz_finish) */
mt_mpz_t *mt_mpz_alloc(size_t len);
/* strip leading zero digits; a small int if the value fits */
mt_obj_t mt_mpz_finish(mt_mpz_t *z);

mt_obj_t mt_mpz_from_ll(long long v);
mt_obj_t mt_mpz_from_ull(unsigned long long v);
/* true and *out if the value fits a long long */
bool mt_mpz_to_ll(const mt_mpz_t *z, long long *out);

int mt_mpz_cmp(const mt_mpz_t *a, const mt_mpz_t *b);
int mt_mpz_cmp_mag(const mt_mpz_t *a, const mt_mpz_t *b); /* |a| <=> |b| */
mt_obj_t mt_mpz_add(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_sub(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_mul(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_neg(const mt_mpz_t *a);
mt_obj_t mt_mpz_abs(const mt_mpz_t *a);
/* floor division and modulo (sign of the divisor); b != 0; q or r may be NULL */
void mt_mpz_divmod(const mt_mpz_t *a, const mt_mpz_t *b, mt_obj_t *q, mt_obj_t *r);
/* truncating division of magnitudes, |q| = |a| / |b|, remainder non-zero flag */
mt_obj_t mt_mpz_divmod_trunc(const mt_mpz_t *a, const mt_mpz_t *b, bool *rem_nonzero);
/* a ** e for e >= 0 */
mt_obj_t mt_mpz_pow(const mt_mpz_t *a, const mt_mpz_t *e);
/* a ** e % m for e >= 0, m != 0 (result has the sign of m) */
mt_obj_t mt_mpz_powmod(const mt_mpz_t *a, const mt_mpz_t *e, const mt_mpz_t *m);
mt_obj_t mt_mpz_shl(const mt_mpz_t *a, size_t n);
mt_obj_t mt_mpz_shr(const mt_mpz_t *a, size_t n); /* floor (arithmetic) shift */
/* two's-complement semantics on negatives */
mt_obj_t mt_mpz_and(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_or(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_xor(const mt_mpz_t *a, const mt_mpz_t *b);
mt_obj_t mt_mpz_invert(const mt_mpz_t *a); /* ~a == -a-1 */
size_t mt_mpz_bit_length(const mt_mpz_t *a);
/* digits already validated: s[0..len) are digits of base (no sign, no '_'); value >= 0 */
mt_obj_t mt_mpz_parse_digits(const char *s, size_t len, int base);
/* append the digits (with '-' if negative) in base 2..36 */
void mt_mpz_format(mt_vstr_t *out, const mt_mpz_t *a, int base, bool upper);
/* to a float, correctly rounded (half even); false on overflow */
bool mt_mpz_to_float(const mt_mpz_t *a, mt_float_t *out);
/* a / b correctly rounded; false on overflow; b != 0 */
bool mt_mpz_truediv(const mt_mpz_t *a, const mt_mpz_t *b, mt_float_t *out);
/* the exact integer value of a finite float (truncated toward zero) */
mt_obj_t mt_mpz_from_float(mt_float_t f);
/* |a| mod (2**bits - 1), bits < 63: the numeric hash */
uint64_t mt_mpz_mod_mersenne(const mt_mpz_t *a, int bits);

#endif
