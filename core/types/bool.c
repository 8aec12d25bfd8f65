/* The bool type: a subclass of int whose two values are the immediates True and False. */
#include "num.h"
#include "runtime.h"

static void bool_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_print_str(p, o == MT_TRUE ? "True" : "False");
}

static mt_obj_t bool_make_new(const mt_type_t *type, size_t n_args, size_t n_kw,
                              const mt_obj_t *args) {
    mt_arg_check_num(n_args, n_kw, 0, 1, false);
    return MT_BOOL(n_args == 1 && mt_is_true(args[0]));
}

static mt_obj_t bool_unary_op(mt_unop_t op, mt_obj_t o) {
    switch (op) {
    case MT_UNOP_BOOL: return o;
    case MT_UNOP_NOT: return MT_BOOL(o != MT_TRUE);
    default: return mt_type_int.unary_op(op, MT_NEW_SMALL_INT(o == MT_TRUE));
    }
}

static mt_obj_t bool_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs) {
    if (rhs == MT_TRUE || rhs == MT_FALSE) {
        bool a = lhs == MT_TRUE, b = rhs == MT_TRUE;
        switch (op) {
        case MT_BINOP_AND:
        case MT_BINOP_INPLACE_AND:
        case MT_BINOP_REVERSE_AND: return MT_BOOL(a & b);
        case MT_BINOP_OR:
        case MT_BINOP_INPLACE_OR:
        case MT_BINOP_REVERSE_OR: return MT_BOOL(a | b);
        case MT_BINOP_XOR:
        case MT_BINOP_INPLACE_XOR:
        case MT_BINOP_REVERSE_XOR: return MT_BOOL(a ^ b);
        default: break;
        }
    }
    return mt_num_binary_op(op, lhs, rhs);
}

static void bool_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest) {
    mt_type_int.attr(MT_NEW_SMALL_INT(o == MT_TRUE), attr, dest);
}

const mt_type_t mt_type_bool = {
    .base = {&mt_type_type},
    .name = MT_QSTR_bool,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = bool_binary_op,
    .attr = bool_attr,
    .parent = &mt_type_int,
};
