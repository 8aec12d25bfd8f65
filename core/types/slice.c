/* slice objects: a[start:stop:step] and slice(...); resolving them against a length. */
#include "containers.h"
#include "runtime.h"
#include "types/num.h"

mt_obj_t mt_slice_new(mt_obj_t start, mt_obj_t stop, mt_obj_t step) {
    mt_slice_t *s = mt_new_obj(mt_slice_t);
    s->base.type = &mt_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return MT_OBJ_FROM_PTR(s);
}

/* a slice bound as a C int: big ints clamp to the C range, as CPython clamps to ssize_t */
static mt_int_t bound(mt_obj_t o) {
    if (MT_IS_SMALL_INT(o)) return MT_SMALL_INT_VALUE(o);
    mt_int_t v;
    if (mt_obj_is_int(o)) {
        if (mt_obj_get_int_maybe(o, &v)) return v;
        return mt_int_sign(o) < 0 ? INTPTR_MIN : INTPTR_MAX;
    }
    if (!MT_IS_INSTANCE(o))
        mt_raise_type_error("slice indices must be integers or None or have an __index__ method");
    return mt_obj_get_index(o);
}

void mt_slice_indices(mt_obj_t slice, mt_int_t len, mt_int_t *pstart, mt_int_t *pstop,
                      mt_int_t *pstep) {
    mt_slice_t *s = MT_OBJ_TO_PTR(slice);
    mt_int_t step = 1, start, stop;
    if (s->step != MT_NONE) {
        step = bound(s->step);
        if (step == 0) mt_raise_value_error("slice step cannot be zero");
        if (step < -INTPTR_MAX) step = -INTPTR_MAX; /* -step must not overflow */
    }
    mt_int_t lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
    if (s->start == MT_NONE) {
        start = step < 0 ? upper : lower;
    } else {
        start = bound(s->start);
        if (start < 0) start = start < -len ? lower : start + len;
        if (start < lower)
            start = lower;
        else if (start > upper)
            start = upper;
    }
    if (s->stop == MT_NONE) {
        stop = step < 0 ? lower : upper;
    } else {
        stop = bound(s->stop);
        if (stop < 0) stop = stop < -len ? lower : stop + len;
        if (stop < lower)
            stop = lower;
        else if (stop > upper)
            stop = upper;
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
}

static void slice_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_slice_t *s = MT_OBJ_TO_PTR(o);
    mt_printf(p, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static mt_obj_t slice_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                               const mt_obj_t *args) {
    if (n_kw) mt_raise_type_error("slice() takes no keyword arguments");
    if (n_args == 0 || n_args > 3)
        mt_raise_fmt(&mt_type_TypeError,
                     n_args ? "slice expected at most 3 arguments, got %u"
                            : "slice expected at least 1 argument, got %u",
                     (unsigned)n_args);
    if (n_args == 1) return mt_slice_new(MT_NONE, args[0], MT_NONE);
    return mt_slice_new(args[0], args[1], n_args == 3 ? args[2] : MT_NONE);
}

static mt_obj_t slice_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (op < MT_BINOP_LT || op > MT_BINOP_GE || !MT_IS_TYPE(rhs, &mt_type_slice)) return MT_NULL;
    mt_slice_t *a = MT_OBJ_TO_PTR(lhs), *b = MT_OBJ_TO_PTR(rhs);
    return MT_BOOL(mt_seq_compare(op, &a->start, 3, &b->start, 3));
}

static mt_obj_t slice_indices(mt_obj_t self, mt_obj_t length) {
    mt_int_t len = mt_obj_get_index(length);
    if (len < 0) mt_raise_value_error("length should not be negative");
    mt_int_t r[3];
    mt_slice_indices(self, len, &r[0], &r[1], &r[2]);
    mt_obj_t items[3];
    for (int i = 0; i < 3; i++) items[i] = mt_int_from_ll(r[i]);
    return mt_tuple_new(3, items);
}
static MT_DEFINE_FUN_2(slice_indices_obj, slice_indices);

static const mt_map_elem_t slice_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_indices), MT_ROM_PTR(&slice_indices_obj)},
};
static MT_DEFINE_CONST_MAP(slice_locals, slice_locals_table);

static void slice_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) return; /* read only: the runtime reports the store */
    mt_slice_t *s = MT_OBJ_TO_PTR(o);
    if (attr == MT_QSTR_start)
        dest[0] = s->start;
    else if (attr == MT_QSTR_stop)
        dest[0] = s->stop;
    else if (attr == MT_QSTR_step)
        dest[0] = s->step;
    else if (attr == MT_QSTR_indices) {
        dest[0] = MT_ROM_PTR(&slice_indices_obj);
        dest[1] = o;
    }
}

const mt_type_t mt_type_slice = {
    .base = {&mt_type_type},
    .name = MT_QSTR_slice,
    .flags = MT_TYPE_FLAG_UNHASHABLE,
    .print = slice_print,
    .make_new = slice_make_new,
    .binary_op = slice_binary_op,
    .attr = slice_attr,
    .locals = &slice_locals,
};
