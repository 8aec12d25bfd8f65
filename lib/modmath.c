/* math: the functions MicroPython documents, plus isclose, factorial, gcd, lcm, comb, perm.
 * Computed in C double; domain errors are ValueError("math domain error"), results out of
 * range OverflowError("math range error"), as CPython. */
#include <errno.h>
#include <math.h>

#include "obj.h"

static const mt_float_obj_t math_pi_obj = {{&mt_type_float}, 3.14159265358979323846};
static const mt_float_obj_t math_e_obj = {{&mt_type_float}, 2.71828182845904523536};
static const mt_float_obj_t math_tau_obj = {{&mt_type_float}, 6.28318530717958647692};
static const mt_float_obj_t math_inf_obj = {{&mt_type_float}, INFINITY};
static const mt_float_obj_t math_nan_obj = {{&mt_type_float}, NAN};

static double arg(mt_obj_t o) {
    return (double)mt_obj_get_float(o);
}

MT_NORETURN static void domain_error(void) {
    mt_raise_value_error("math domain error");
}

/* a result: inf from finite input is an overflow, nan from non-nan input a domain error */
static mt_obj_t result(double r, double x, double y) {
    if (isinf(r) && isfinite(x) && isfinite(y))
        mt_raise_msg(&mt_type_OverflowError, "math range error");
    if (isnan(r) && !isnan(x) && !isnan(y)) domain_error();
    return mt_float_new((mt_float_t)r);
}

#define MATH_FUN_1(name, expr)                                                                     \
    static mt_obj_t math_##name(mt_obj_t xo) {                                                     \
        double x = arg(xo);                                                                        \
        return result(expr, x, 0);                                                                 \
    }                                                                                              \
    static MT_DEFINE_FUN_1(math_##name##_obj, math_##name);

/* functions whose domain is checked before calling C (C returns -inf or raises FE) */
static double checked_log(double x) {
    return x <= 0 ? NAN : log(x);
}
static double checked_log2(double x) {
    return x <= 0 ? NAN : log2(x);
}
static double checked_log10(double x) {
    return x <= 0 ? NAN : log10(x);
}
static double checked_sqrt(double x) {
    return x < 0 ? NAN : sqrt(x);
}
static double checked_acosh(double x) {
    return x < 1 ? NAN : acosh(x);
}
static double checked_atanh(double x) {
    return fabs(x) >= 1 ? NAN : atanh(x);
}
static double checked_gamma(double x) {
    return (x <= 0 && x == floor(x)) ? NAN : tgamma(x);
}
static double checked_lgamma(double x) {
    return (x <= 0 && x == floor(x)) ? NAN : lgamma(x);
}
static double checked_trig(double (*f)(double), double x) {
    return isinf(x) ? NAN : f(x);
}

MATH_FUN_1(sqrt, checked_sqrt(x))
MATH_FUN_1(exp, exp(x))
MATH_FUN_1(expm1, expm1(x))
MATH_FUN_1(log2, checked_log2(x))
MATH_FUN_1(log10, checked_log10(x))
MATH_FUN_1(cos, checked_trig(cos, x))
MATH_FUN_1(sin, checked_trig(sin, x))
MATH_FUN_1(tan, checked_trig(tan, x))
MATH_FUN_1(acos, fabs(x) > 1 ? NAN : acos(x))
MATH_FUN_1(asin, fabs(x) > 1 ? NAN : asin(x))
MATH_FUN_1(atan, atan(x))
MATH_FUN_1(cosh, cosh(x))
MATH_FUN_1(sinh, sinh(x))
MATH_FUN_1(tanh, tanh(x))
MATH_FUN_1(acosh, checked_acosh(x))
MATH_FUN_1(asinh, asinh(x))
MATH_FUN_1(atanh, checked_atanh(x))
MATH_FUN_1(fabs, fabs(x))
MATH_FUN_1(erf, erf(x))
MATH_FUN_1(erfc, erfc(x))
MATH_FUN_1(gamma, checked_gamma(x))
MATH_FUN_1(lgamma, checked_lgamma(x))
MATH_FUN_1(degrees, x *(180.0 / 3.14159265358979323846))
MATH_FUN_1(radians, x *(3.14159265358979323846 / 180.0))

static mt_obj_t math_log(size_t n, const mt_obj_t *args) {
    double x = arg(args[0]);
    double r = checked_log(x);
    if (n == 2) {
        double b = arg(args[1]);
        double lb = checked_log(b);
        if (lb == 0) mt_raise_msg(&mt_type_ZeroDivisionError, "float division by zero");
        return result(r / lb, x, b);
    }
    return result(r, x, 0);
}
static MT_DEFINE_FUN_VAR(math_log_obj, 1, 2, math_log);

static mt_obj_t math_pow(mt_obj_t xo, mt_obj_t yo) {
    double x = arg(xo), y = arg(yo);
    if (x == 0 && y < 0) domain_error();
    if (x < 0 && isfinite(y) && y != floor(y)) domain_error();
    return result(pow(x, y), x, y);
}
static MT_DEFINE_FUN_2(math_pow_obj, math_pow);

static mt_obj_t math_atan2(mt_obj_t y, mt_obj_t x) {
    return mt_float_new((mt_float_t)atan2(arg(y), arg(x)));
}
static MT_DEFINE_FUN_2(math_atan2_obj, math_atan2);

static mt_obj_t math_copysign(mt_obj_t x, mt_obj_t y) {
    return mt_float_new((mt_float_t)copysign(arg(x), arg(y)));
}
static MT_DEFINE_FUN_2(math_copysign_obj, math_copysign);

static mt_obj_t math_fmod(mt_obj_t xo, mt_obj_t yo) {
    double x = arg(xo), y = arg(yo);
    if (isinf(x) || y == 0) domain_error();
    return mt_float_new((mt_float_t)fmod(x, y));
}
static MT_DEFINE_FUN_2(math_fmod_obj, math_fmod);

static mt_obj_t math_ldexp(mt_obj_t x, mt_obj_t e) {
    double r = ldexp(arg(x), (int)mt_obj_get_int(e));
    return result(r, arg(x), 0);
}
static MT_DEFINE_FUN_2(math_ldexp_obj, math_ldexp);

static mt_obj_t math_frexp(mt_obj_t x) {
    int e;
    double m = frexp(arg(x), &e);
    mt_obj_t items[2] = {mt_float_new((mt_float_t)m), MT_NEW_SMALL_INT(e)};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_1(math_frexp_obj, math_frexp);

static mt_obj_t math_modf(mt_obj_t x) {
    double ip, fp = modf(arg(x), &ip);
    mt_obj_t items[2] = {mt_float_new((mt_float_t)fp), mt_float_new((mt_float_t)ip)};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_1(math_modf_obj, math_modf);

/* floor/ceil/trunc return ints; ints pass through unchanged */
static mt_obj_t to_int(mt_obj_t x, double (*f)(double)) {
    if (mt_obj_is_int(x)) return mt_unary_op(MT_UNOP_INDEX, x);
    return mt_int_from_float((mt_float_t)f(arg(x)));
}
static mt_obj_t math_floor(mt_obj_t x) {
    return to_int(x, floor);
}
static mt_obj_t math_ceil(mt_obj_t x) {
    return to_int(x, ceil);
}
static mt_obj_t math_trunc(mt_obj_t x) {
    return to_int(x, trunc);
}
static MT_DEFINE_FUN_1(math_floor_obj, math_floor);
static MT_DEFINE_FUN_1(math_ceil_obj, math_ceil);
static MT_DEFINE_FUN_1(math_trunc_obj, math_trunc);

static mt_obj_t math_isfinite(mt_obj_t x) {
    return MT_BOOL(isfinite(arg(x)));
}
static mt_obj_t math_isinf(mt_obj_t x) {
    return MT_BOOL(isinf(arg(x)));
}
static mt_obj_t math_isnan(mt_obj_t x) {
    return MT_BOOL(isnan(arg(x)));
}
static MT_DEFINE_FUN_1(math_isfinite_obj, math_isfinite);
static MT_DEFINE_FUN_1(math_isinf_obj, math_isinf);
static MT_DEFINE_FUN_1(math_isnan_obj, math_isnan);

static mt_obj_t math_isclose(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_a, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_b, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_rel_tol, MT_ARG_KW_ONLY, MT_NULL},
        {MT_QSTR_abs_tol, MT_ARG_KW_ONLY, MT_NULL},
    };
    mt_obj_t v[4];
    mt_arg_parse(n, args, kw, 4, spec, v);
    double a = arg(v[0]), b = arg(v[1]);
    double rel = v[2] ? arg(v[2]) : 1e-9, abs_tol = v[3] ? arg(v[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) mt_raise_value_error("tolerances must be non-negative");
    if (a == b) return MT_TRUE;
    if (isinf(a) || isinf(b)) return MT_FALSE;
    double d = fabs(b - a);
    return MT_BOOL(d <= fabs(rel * b) || d <= fabs(rel * a) || d <= abs_tol);
}
static MT_DEFINE_FUN_KW(math_isclose_obj, 2, math_isclose);

/* ---- integer functions, exact with big ints */

static mt_obj_t int_arg(mt_obj_t o) {
    if (!mt_obj_is_int(o))
        mt_raise_fmt(&mt_type_TypeError, "'%s' object cannot be interpreted as an integer",
                     mt_qstr_str(mt_type_of(o)->name));
    return o;
}

static bool is_neg(mt_obj_t o) {
    return mt_is_true(mt_binary_op(MT_BINOP_LT, o, MT_NEW_SMALL_INT(0)));
}

static mt_obj_t math_factorial(mt_obj_t n) {
    int_arg(n);
    if (is_neg(n)) mt_raise_value_error("factorial() not defined for negative values");
    mt_int_t k = mt_obj_get_int(n);
    mt_obj_t r = MT_NEW_SMALL_INT(1);
    for (mt_int_t i = 2; i <= k; i++) r = mt_binary_op(MT_BINOP_MUL, r, MT_NEW_SMALL_INT(i));
    return r;
}
static MT_DEFINE_FUN_1(math_factorial_obj, math_factorial);

static mt_obj_t gcd2(mt_obj_t a, mt_obj_t b) {
    if (is_neg(a)) a = mt_unary_op(MT_UNOP_NEG, a);
    if (is_neg(b)) b = mt_unary_op(MT_UNOP_NEG, b);
    while (mt_is_true(b)) {
        mt_obj_t t = mt_binary_op(MT_BINOP_MOD, a, b);
        a = b;
        b = t;
    }
    return a;
}

static mt_obj_t math_gcd(size_t n, const mt_obj_t *args) {
    mt_obj_t r = MT_NEW_SMALL_INT(0);
    for (size_t i = 0; i < n; i++) r = gcd2(r, int_arg(args[i]));
    return r;
}
static MT_DEFINE_FUN_VAR(math_gcd_obj, 0, MT_FUN_ARGS_MAX, math_gcd);

static mt_obj_t math_lcm(size_t n, const mt_obj_t *args) {
    mt_obj_t r = MT_NEW_SMALL_INT(1);
    for (size_t i = 0; i < n; i++) {
        mt_obj_t a = int_arg(args[i]);
        if (!mt_is_true(a)) return MT_NEW_SMALL_INT(0);
        mt_obj_t g = gcd2(r, a);
        r = mt_binary_op(MT_BINOP_MUL, mt_binary_op(MT_BINOP_FLOORDIV, r, g), a);
        if (is_neg(r)) r = mt_unary_op(MT_UNOP_NEG, r);
    }
    return r;
}
static MT_DEFINE_FUN_VAR(math_lcm_obj, 0, MT_FUN_ARGS_MAX, math_lcm);

/* perm(n, k) = n! / (n-k)!; comb(n, k) = perm(n, k) / k! */
static mt_obj_t perm_comb(mt_obj_t no, mt_obj_t ko, bool comb) {
    int_arg(no);
    int_arg(ko);
    if (is_neg(no)) mt_raise_value_error("n must be a non-negative integer");
    if (is_neg(ko)) mt_raise_value_error("k must be a non-negative integer");
    if (mt_is_true(mt_binary_op(MT_BINOP_GT, ko, no))) return MT_NEW_SMALL_INT(0);
    mt_int_t k = mt_obj_get_int(ko);
    mt_obj_t r = MT_NEW_SMALL_INT(1);
    for (mt_int_t i = 0; i < k; i++) {
        r = mt_binary_op(MT_BINOP_MUL, r, mt_binary_op(MT_BINOP_SUB, no, MT_NEW_SMALL_INT(i)));
        if (comb) r = mt_binary_op(MT_BINOP_FLOORDIV, r, MT_NEW_SMALL_INT(i + 1));
    }
    return r;
}
static mt_obj_t math_comb(mt_obj_t n, mt_obj_t k) {
    return perm_comb(n, k, true);
}
static mt_obj_t math_perm(mt_obj_t n, mt_obj_t k) {
    return perm_comb(n, k, false);
}
static MT_DEFINE_FUN_2(math_comb_obj, math_comb);
static MT_DEFINE_FUN_2(math_perm_obj, math_perm);

static mt_obj_t math_fsum(mt_obj_t iterable) {
    /* Neumaier compensated summation: exact enough for CPython's documented examples */
    mt_obj_t it = mt_getiter(iterable, NULL), x;
    double s = 0, c = 0;
    while ((x = mt_iternext(it)) != MT_NULL) {
        double v = arg(x), t = s + v;
        c += fabs(s) >= fabs(v) ? (s - t) + v : (v - t) + s;
        s = t;
    }
    return mt_float_new((mt_float_t)(s + c));
}
static MT_DEFINE_FUN_1(math_fsum_obj, math_fsum);

static mt_obj_t math_hypot(size_t n, const mt_obj_t *args) {
    double r = 0;
    for (size_t i = 0; i < n; i++) r = hypot(r, arg(args[i]));
    return mt_float_new((mt_float_t)r);
}
static MT_DEFINE_FUN_VAR(math_hypot_obj, 0, MT_FUN_ARGS_MAX, math_hypot);

static mt_obj_t math_dist(mt_obj_t p, mt_obj_t q) {
    size_t np, nq;
    mt_obj_t *ip, *iq;
    mt_get_array(p, &np, &ip);
    mt_get_array(q, &nq, &iq);
    if (np != nq) mt_raise_value_error("both points must have the same number of dimensions");
    double r = 0;
    for (size_t i = 0; i < np; i++) r = hypot(r, arg(ip[i]) - arg(iq[i]));
    return mt_float_new((mt_float_t)r);
}
static MT_DEFINE_FUN_2(math_dist_obj, math_dist);

static const mt_map_elem_t math_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_math)},
    {MT_ROM_QSTR(MT_QSTR_pi), MT_ROM_PTR(&math_pi_obj)},
    {MT_ROM_QSTR(MT_QSTR_e), MT_ROM_PTR(&math_e_obj)},
    {MT_ROM_QSTR(MT_QSTR_tau), MT_ROM_PTR(&math_tau_obj)},
    {MT_ROM_QSTR(MT_QSTR_inf), MT_ROM_PTR(&math_inf_obj)},
    {MT_ROM_QSTR(MT_QSTR_nan), MT_ROM_PTR(&math_nan_obj)},
    {MT_ROM_QSTR(MT_QSTR_sqrt), MT_ROM_PTR(&math_sqrt_obj)},
    {MT_ROM_QSTR(MT_QSTR_pow), MT_ROM_PTR(&math_pow_obj)},
    {MT_ROM_QSTR(MT_QSTR_exp), MT_ROM_PTR(&math_exp_obj)},
    {MT_ROM_QSTR(MT_QSTR_expm1), MT_ROM_PTR(&math_expm1_obj)},
    {MT_ROM_QSTR(MT_QSTR_log), MT_ROM_PTR(&math_log_obj)},
    {MT_ROM_QSTR(MT_QSTR_log2), MT_ROM_PTR(&math_log2_obj)},
    {MT_ROM_QSTR(MT_QSTR_log10), MT_ROM_PTR(&math_log10_obj)},
    {MT_ROM_QSTR(MT_QSTR_cos), MT_ROM_PTR(&math_cos_obj)},
    {MT_ROM_QSTR(MT_QSTR_sin), MT_ROM_PTR(&math_sin_obj)},
    {MT_ROM_QSTR(MT_QSTR_tan), MT_ROM_PTR(&math_tan_obj)},
    {MT_ROM_QSTR(MT_QSTR_acos), MT_ROM_PTR(&math_acos_obj)},
    {MT_ROM_QSTR(MT_QSTR_asin), MT_ROM_PTR(&math_asin_obj)},
    {MT_ROM_QSTR(MT_QSTR_atan), MT_ROM_PTR(&math_atan_obj)},
    {MT_ROM_QSTR(MT_QSTR_atan2), MT_ROM_PTR(&math_atan2_obj)},
    {MT_ROM_QSTR(MT_QSTR_cosh), MT_ROM_PTR(&math_cosh_obj)},
    {MT_ROM_QSTR(MT_QSTR_sinh), MT_ROM_PTR(&math_sinh_obj)},
    {MT_ROM_QSTR(MT_QSTR_tanh), MT_ROM_PTR(&math_tanh_obj)},
    {MT_ROM_QSTR(MT_QSTR_acosh), MT_ROM_PTR(&math_acosh_obj)},
    {MT_ROM_QSTR(MT_QSTR_asinh), MT_ROM_PTR(&math_asinh_obj)},
    {MT_ROM_QSTR(MT_QSTR_atanh), MT_ROM_PTR(&math_atanh_obj)},
    {MT_ROM_QSTR(MT_QSTR_ceil), MT_ROM_PTR(&math_ceil_obj)},
    {MT_ROM_QSTR(MT_QSTR_floor), MT_ROM_PTR(&math_floor_obj)},
    {MT_ROM_QSTR(MT_QSTR_trunc), MT_ROM_PTR(&math_trunc_obj)},
    {MT_ROM_QSTR(MT_QSTR_fabs), MT_ROM_PTR(&math_fabs_obj)},
    {MT_ROM_QSTR(MT_QSTR_fmod), MT_ROM_PTR(&math_fmod_obj)},
    {MT_ROM_QSTR(MT_QSTR_modf), MT_ROM_PTR(&math_modf_obj)},
    {MT_ROM_QSTR(MT_QSTR_frexp), MT_ROM_PTR(&math_frexp_obj)},
    {MT_ROM_QSTR(MT_QSTR_ldexp), MT_ROM_PTR(&math_ldexp_obj)},
    {MT_ROM_QSTR(MT_QSTR_copysign), MT_ROM_PTR(&math_copysign_obj)},
    {MT_ROM_QSTR(MT_QSTR_degrees), MT_ROM_PTR(&math_degrees_obj)},
    {MT_ROM_QSTR(MT_QSTR_radians), MT_ROM_PTR(&math_radians_obj)},
    {MT_ROM_QSTR(MT_QSTR_erf), MT_ROM_PTR(&math_erf_obj)},
    {MT_ROM_QSTR(MT_QSTR_erfc), MT_ROM_PTR(&math_erfc_obj)},
    {MT_ROM_QSTR(MT_QSTR_gamma), MT_ROM_PTR(&math_gamma_obj)},
    {MT_ROM_QSTR(MT_QSTR_lgamma), MT_ROM_PTR(&math_lgamma_obj)},
    {MT_ROM_QSTR(MT_QSTR_isfinite), MT_ROM_PTR(&math_isfinite_obj)},
    {MT_ROM_QSTR(MT_QSTR_isinf), MT_ROM_PTR(&math_isinf_obj)},
    {MT_ROM_QSTR(MT_QSTR_isnan), MT_ROM_PTR(&math_isnan_obj)},
    {MT_ROM_QSTR(MT_QSTR_isclose), MT_ROM_PTR(&math_isclose_obj)},
    {MT_ROM_QSTR(MT_QSTR_factorial), MT_ROM_PTR(&math_factorial_obj)},
    {MT_ROM_QSTR(MT_QSTR_gcd), MT_ROM_PTR(&math_gcd_obj)},
    {MT_ROM_QSTR(MT_QSTR_lcm), MT_ROM_PTR(&math_lcm_obj)},
    {MT_ROM_QSTR(MT_QSTR_comb), MT_ROM_PTR(&math_comb_obj)},
    {MT_ROM_QSTR(MT_QSTR_perm), MT_ROM_PTR(&math_perm_obj)},
    {MT_ROM_QSTR(MT_QSTR_fsum), MT_ROM_PTR(&math_fsum_obj)},
    {MT_ROM_QSTR(MT_QSTR_hypot), MT_ROM_PTR(&math_hypot_obj)},
    {MT_ROM_QSTR(MT_QSTR_dist), MT_ROM_PTR(&math_dist_obj)},
};
MT_DEFINE_MODULE(mt_module_math, math_table);
