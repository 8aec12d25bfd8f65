/* Numbers: helpers shared by the int, float, complex and bool types and by their users
 * (format specs and %-formatting, pow(), struct, math, json ...).
 * Ints are small-int immediates or mpz objects (core/types/mpz.h); every function here
 * taking an "int" accepts both, plus True/False and instances of int subclasses. */
#ifndef MT_NUM_H
#define MT_NUM_H

#include "obj.h"

/* bits of a float's significand */
#if MT_CONFIG_FLOAT_DOUBLE
#define MT_FLOAT_MANT_DIG 53
#else
#define MT_FLOAT_MANT_DIG 24
#endif

/* numeric hashing as CPython: values modulo the Mersenne prime 2**MT_HASH_BITS - 1 */
#define MT_HASH_BITS    (sizeof(mt_int_t) == 8 ? 61 : 31)
#define MT_HASH_MODULUS (((uint64_t)1 << MT_HASH_BITS) - 1)
#define MT_HASH_INF     314159
#define MT_HASH_IMAG    1000003

/* ---- ints ---------------------------------------------------------------------------------- */

/* Append the digits of int i in base 2..36 to out, '-' first when negative. with_prefix adds
 * 0b/0o/0x (upper: 0X and A-F ... only the digits and the 'X' are uppercased; 0B/0O never). */
void mt_int_format(mt_vstr_t *out, mt_obj_t i, int base, bool upper, bool with_prefix);

/* pow(base, exp, mod) for ints. mod == MT_NULL or MT_NONE: plain base ** exp.
 * Negative exp with a modulus: modular inverse (ValueError "base is not invertible for the
 * given modulus"); mod == 0: ValueError "pow() 3rd argument cannot be 0". */
mt_obj_t mt_int_pow3(mt_obj_t base, mt_obj_t exp, mt_obj_t mod);

/* int.from_bytes / int.to_bytes on raw buffers. to_bytes raises OverflowError
 * "int too big to convert" (or "can't convert negative int to unsigned"). */
mt_obj_t mt_int_from_bytes(const uint8_t *buf, size_t n, bool big_endian, bool is_signed);
void mt_int_to_bytes(mt_obj_t i, size_t n, bool big_endian, bool is_signed, uint8_t *out);

/* True if o is an int held as an mpz object (outside the small-int range). */
bool mt_int_is_big(mt_obj_t o);
/* -1, 0 or 1 */
int mt_int_sign(mt_obj_t i);
/* i <=> j for two ints: -1, 0, 1 */
int mt_int_cmp(mt_obj_t i, mt_obj_t j);
/* i.bit_length() */
size_t mt_int_bit_length(mt_obj_t i);
/* hash of an int, exactly as CPython's (modulus 2**61-1 on 64-bit, 2**31-1 on 32-bit) */
mt_int_t mt_int_hash(mt_obj_t i);
/* float(i), correctly rounded; OverflowError "int too large to convert to float" */
mt_float_t mt_int_to_float(mt_obj_t i);
/* i (op) j for two ints, for arithmetic ops (MT_BINOP_ADD ... XOR); raises as Python does */
mt_obj_t mt_int_binary_op(mt_binop_t op, mt_obj_t i, mt_obj_t j);
/* the value of an int (small, bool, big or subclass instance) with the subclass stripped;
 * MT_NULL if o is not an int */
mt_obj_t mt_int_unwrap(mt_obj_t o);
/* gcd of two ints, >= 0 (for math.gcd) */
mt_obj_t mt_int_gcd(mt_obj_t a, mt_obj_t b);

/* ---- floats -------------------------------------------------------------------------------- */

/* a float object (exactly float, not a subclass instance) and its value: the one place that
 * knows floats are boxed */
#define MT_IS_FLOAT(o) MT_IS_TYPE(o, &mt_type_float)
static inline mt_float_t mt_float_value(mt_obj_t o) {
    return ((const mt_float_obj_t *)MT_OBJ_TO_PTR(o))->value;
}

/* Format f as format(f, spec) would for the spec's type and precision only (fill, align,
 * sign and grouping belong to the caller). Appends to out.
 *   type  'e' 'E' 'f' 'F' 'g' 'G' '%' as in Python; prec < 0 means the default (6).
 *         'r'  repr()/str(): shortest round-trip digits (prec ignored).
 *         '\0' (format spec without a type): repr when prec < 0, else like 'g' with at least
 *              one digit after the point when fixed notation is used ("1.0", "1e+20").
 *         any other type (e.g. 'n') formats as 'g'.
 *   alt   the '#' flag (keep the point and trailing zeros for g/G).
 * inf and nan print as inf/nan (INF/NAN for E F G), with '-' for negative infinity. */
void mt_float_format(mt_vstr_t *out, mt_float_t f, char type, int prec, bool alt);

/* repr(f) into buf (at least MT_FLOAT_REPR_MAX bytes, not NUL-terminated); returns the length.
 * dot_zero: integral values get ".0" (repr) or not (the parts of a complex repr). */
#define MT_FLOAT_REPR_MAX 48
size_t mt_float_repr(char *buf, mt_float_t f, bool dot_zero);

/* float(s) for s without surrounding whitespace; false if malformed */
bool mt_float_parse_maybe(const char *s, size_t len, mt_float_t *out);

/* hash of a float, exactly as CPython's (integral values hash like the equal int,
 * inf -> 314159, -inf -> -314159, nan -> 0 here; CPython 3.10+ hashes nan by identity). */
mt_int_t mt_float_hash(mt_float_t f);

/* Python's float % and // (sign of the divisor); ZeroDivisionError as CPython 3.11 */
mt_float_t mt_float_mod(mt_float_t a, mt_float_t b);
mt_float_t mt_float_floordiv(mt_float_t a, mt_float_t b);

/* round(f) -> int and round(f, ndigits) -> float, correctly rounded (half to even on exact
 * ties, decided on the exact binary value: round(2.675, 2) == 2.67). */
mt_obj_t mt_float_round(mt_float_t f, mt_obj_t ndigits);

/* a (op) b for arithmetic and comparison ops on two C floats; MT_NULL for unsupported ops
 * (shifts, bitwise). ** of a negative base to a fractional power gives a complex. */
mt_obj_t mt_float_binary_op(mt_binop_t op, mt_float_t a, mt_float_t b);

/* exact comparison of an int with a float (works for huge ints, inf): -1, 0, 1; 2 if f is nan */
int mt_int_float_cmp(mt_obj_t i, mt_float_t f);

/* ---- all numbers ------------------------------------------------------------------------- */

/* lhs (op) rhs for any mix of int, bool, float and complex (and their subclasses), for the
 * arithmetic ops (plain, in-place and reversed) and comparisons; MT_NULL if unsupported.
 * The binary_op slot of every numeric type ends here after its fast paths. */
mt_obj_t mt_num_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs);

/* ---- complex ------------------------------------------------------------------------------ */

/* (ar + ai j) (op) (br + bi j) for arithmetic ops and == / != ; MT_NULL if unsupported */
mt_obj_t mt_complex_binary_op(mt_binop_t op, mt_float_t ar, mt_float_t ai, mt_float_t br,
                              mt_float_t bi);
/* complex repr/str as CPython: "1j", "(1+2j)", "(-0-1j)" */
void mt_complex_print(const mt_print_t *p, mt_float_t real, mt_float_t imag);

/* real and imaginary parts of an int, float or complex; false for anything else */
bool mt_obj_get_complex_maybe(mt_obj_t o, mt_float_t *real, mt_float_t *imag);

#endif
