/* cmath: complex versions of the math functions MicroPython documents (cos exp log log10
 * phase polar rect sin sqrt, e, pi) plus tan, the hyperbolics, isfinite/isinf/isnan and
 * isclose. Computed from the real parts with C doubles; CPython's branch cuts. */
#include <math.h>

#include "obj.h"
#include "types/num.h"

typedef struct {
    double re, im;
} cplx_t;

static cplx_t arg(mt_obj_t o) {
    mt_float_t re, im;
    if (!mt_obj_get_complex_maybe(o, &re, &im))
        mt_raise_fmt(&mt_type_TypeError, "must be real number, not %s",
                     mt_qstr_str(mt_type_of(o)->name));
    return (cplx_t){(double)re, (double)im};
}

static mt_obj_t ret(cplx_t z) {
    return mt_complex_new((mt_float_t)z.re, (mt_float_t)z.im);
}

static cplx_t c_exp(cplx_t z) {
    double m = exp(z.re);
    if (z.im == 0) return (cplx_t){m, z.im};
    return (cplx_t){m * cos(z.im), m * sin(z.im)};
}

static cplx_t c_log(cplx_t z) {
    if (z.re == 0 && z.im == 0) mt_raise_value_error("math domain error");
    return (cplx_t){log(hypot(z.re, z.im)), atan2(z.im, z.re)};
}

/* principal square root, stable for all quadrants */
static cplx_t c_sqrt(cplx_t z) {
    if (z.re == 0 && z.im == 0) return (cplx_t){0, z.im};
    double t = sqrt((fabs(z.re) + hypot(z.re, z.im)) / 2);
    if (z.re >= 0) return (cplx_t){t, z.im / (2 * t)};
    return (cplx_t){fabs(z.im) / (2 * t), copysign(t, z.im)};
}

static cplx_t c_sin(cplx_t z) {
    return (cplx_t){sin(z.re) * cosh(z.im), cos(z.re) * sinh(z.im)};
}
static cplx_t c_cos(cplx_t z) {
    return (cplx_t){cos(z.re) * cosh(z.im), -sin(z.re) * sinh(z.im)};
}
static cplx_t c_sinh(cplx_t z) {
    return (cplx_t){sinh(z.re) * cos(z.im), cosh(z.re) * sin(z.im)};
}
static cplx_t c_cosh(cplx_t z) {
    return (cplx_t){cosh(z.re) * cos(z.im), sinh(z.re) * sin(z.im)};
}

static cplx_t c_div(cplx_t a, cplx_t b) {
    double d = b.re * b.re + b.im * b.im;
    if (d == 0) mt_raise_msg(&mt_type_ZeroDivisionError, "complex division by zero");
    return (cplx_t){(a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d};
}

static cplx_t c_tan(cplx_t z) {
    return c_div(c_sin(z), c_cos(z));
}
static cplx_t c_tanh(cplx_t z) {
    return c_div(c_sinh(z), c_cosh(z));
}

#define CMATH_FUN(name, f)                                                                         \
    static mt_obj_t cmath_##name(mt_obj_t z) {                                                     \
        return ret(f(arg(z)));                                                                     \
    }                                                                                              \
    static MT_DEFINE_FUN_1(cmath_##name##_obj, cmath_##name);
CMATH_FUN(exp, c_exp)
CMATH_FUN(sqrt, c_sqrt)
CMATH_FUN(sin, c_sin)
CMATH_FUN(cos, c_cos)
CMATH_FUN(tan, c_tan)
CMATH_FUN(sinh, c_sinh)
CMATH_FUN(cosh, c_cosh)
CMATH_FUN(tanh, c_tanh)

static mt_obj_t cmath_log(size_t n, const mt_obj_t *args) {
    cplx_t r = c_log(arg(args[0]));
    if (n > 1) r = c_div(r, c_log(arg(args[1])));
    return ret(r);
}
static MT_DEFINE_FUN_VAR(cmath_log_obj, 1, 2, cmath_log);

static mt_obj_t cmath_log10(mt_obj_t z) {
    cplx_t r = c_log(arg(z));
    return ret((cplx_t){r.re / log(10.0), r.im / log(10.0)});
}
static MT_DEFINE_FUN_1(cmath_log10_obj, cmath_log10);

static mt_obj_t cmath_phase(mt_obj_t z) {
    cplx_t c = arg(z);
    return mt_float_new((mt_float_t)atan2(c.im, c.re));
}
static MT_DEFINE_FUN_1(cmath_phase_obj, cmath_phase);

static mt_obj_t cmath_polar(mt_obj_t z) {
    cplx_t c = arg(z);
    mt_obj_t items[2] = {mt_float_new((mt_float_t)hypot(c.re, c.im)),
                         mt_float_new((mt_float_t)atan2(c.im, c.re))};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_1(cmath_polar_obj, cmath_polar);

static mt_obj_t cmath_rect(mt_obj_t r, mt_obj_t phi) {
    double m = (double)mt_obj_get_float(r), p = (double)mt_obj_get_float(phi);
    return ret((cplx_t){m * cos(p), m * sin(p)});
}
static MT_DEFINE_FUN_2(cmath_rect_obj, cmath_rect);

static mt_obj_t cmath_isfinite(mt_obj_t z) {
    cplx_t c = arg(z);
    return MT_BOOL(isfinite(c.re) && isfinite(c.im));
}
static mt_obj_t cmath_isinf(mt_obj_t z) {
    cplx_t c = arg(z);
    return MT_BOOL(isinf(c.re) || isinf(c.im));
}
static mt_obj_t cmath_isnan(mt_obj_t z) {
    cplx_t c = arg(z);
    return MT_BOOL(isnan(c.re) || isnan(c.im));
}
static MT_DEFINE_FUN_1(cmath_isfinite_obj, cmath_isfinite);
static MT_DEFINE_FUN_1(cmath_isinf_obj, cmath_isinf);
static MT_DEFINE_FUN_1(cmath_isnan_obj, cmath_isnan);

static mt_obj_t cmath_isclose(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_a, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_b, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_rel_tol, MT_ARG_KW_ONLY, MT_NULL},
        {MT_QSTR_abs_tol, MT_ARG_KW_ONLY, MT_NULL},
    };
    mt_obj_t v[4];
    mt_arg_parse(n, args, kw, 4, spec, v);
    cplx_t a = arg(v[0]), b = arg(v[1]);
    double rel = v[2] ? (double)mt_obj_get_float(v[2]) : 1e-9;
    double abs_tol = v[3] ? (double)mt_obj_get_float(v[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) mt_raise_value_error("tolerances must be non-negative");
    if (a.re == b.re && a.im == b.im) return MT_TRUE;
    double d = hypot(a.re - b.re, a.im - b.im);
    return MT_BOOL(d <= rel * hypot(b.re, b.im) || d <= rel * hypot(a.re, a.im) || d <= abs_tol);
}
static MT_DEFINE_FUN_KW(cmath_isclose_obj, 2, cmath_isclose);

static const mt_float_obj_t cmath_pi_obj = {{&mt_type_float}, 3.14159265358979323846};
static const mt_float_obj_t cmath_e_obj = {{&mt_type_float}, 2.71828182845904523536};

static const mt_map_elem_t cmath_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_cmath)},
    {MT_ROM_QSTR(MT_QSTR_pi), MT_ROM_PTR(&cmath_pi_obj)},
    {MT_ROM_QSTR(MT_QSTR_e), MT_ROM_PTR(&cmath_e_obj)},
    {MT_ROM_QSTR(MT_QSTR_exp), MT_ROM_PTR(&cmath_exp_obj)},
    {MT_ROM_QSTR(MT_QSTR_log), MT_ROM_PTR(&cmath_log_obj)},
    {MT_ROM_QSTR(MT_QSTR_log10), MT_ROM_PTR(&cmath_log10_obj)},
    {MT_ROM_QSTR(MT_QSTR_sqrt), MT_ROM_PTR(&cmath_sqrt_obj)},
    {MT_ROM_QSTR(MT_QSTR_sin), MT_ROM_PTR(&cmath_sin_obj)},
    {MT_ROM_QSTR(MT_QSTR_cos), MT_ROM_PTR(&cmath_cos_obj)},
    {MT_ROM_QSTR(MT_QSTR_tan), MT_ROM_PTR(&cmath_tan_obj)},
    {MT_ROM_QSTR(MT_QSTR_sinh), MT_ROM_PTR(&cmath_sinh_obj)},
    {MT_ROM_QSTR(MT_QSTR_cosh), MT_ROM_PTR(&cmath_cosh_obj)},
    {MT_ROM_QSTR(MT_QSTR_tanh), MT_ROM_PTR(&cmath_tanh_obj)},
    {MT_ROM_QSTR(MT_QSTR_phase), MT_ROM_PTR(&cmath_phase_obj)},
    {MT_ROM_QSTR(MT_QSTR_polar), MT_ROM_PTR(&cmath_polar_obj)},
    {MT_ROM_QSTR(MT_QSTR_rect), MT_ROM_PTR(&cmath_rect_obj)},
    {MT_ROM_QSTR(MT_QSTR_isfinite), MT_ROM_PTR(&cmath_isfinite_obj)},
    {MT_ROM_QSTR(MT_QSTR_isinf), MT_ROM_PTR(&cmath_isinf_obj)},
    {MT_ROM_QSTR(MT_QSTR_isnan), MT_ROM_PTR(&cmath_isnan_obj)},
    {MT_ROM_QSTR(MT_QSTR_isclose), MT_ROM_PTR(&cmath_isclose_obj)},
};
MT_DEFINE_MODULE(mt_module_cmath, cmath_table);
