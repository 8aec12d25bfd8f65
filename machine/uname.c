/* os.uname() of the board, as MicroPython's: an attribute tuple of (sysname, nodename,
 * release, version, machine) = ('esp8266', 'esp8266', Mote's version, its build, the
 * module's name). The board's os module lists it through MT_OS_VFS_PORT_ENTRIES. */
#include "board.h"

#include "modsys.h"
#include "runtime.h"

typedef struct {
    mt_obj_base_t base;
    mt_obj_t items; /* the tuple */
} uname_t;

static const mt_qstr_t uname_fields[5] = {MT_QSTR_sysname, MT_QSTR_nodename, MT_QSTR_release,
                                          MT_QSTR_version, MT_QSTR_machine};

static mt_obj_t uname_item(mt_obj_t self, size_t i) {
    size_t n;
    mt_obj_t *items;
    mt_tuple_get(((uname_t *)MT_OBJ_TO_PTR(self))->items, &n, &items);
    return items[i];
}

static void uname_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    mt_print_str(p, "(");
    for (size_t i = 0; i < 5; i++)
        mt_printf(p, "%s%q=%R", i ? ", " : "", uname_fields[i], uname_item(self, i));
    mt_print_str(p, ")");
}

static void uname_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    for (size_t i = 0; dest[0] == MT_NULL && i < 5; i++)
        if (attr == uname_fields[i]) dest[0] = uname_item(self, i);
}

static mt_obj_t uname_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    return mt_subscr(((uname_t *)MT_OBJ_TO_PTR(self))->items, index, value);
}

static mt_obj_t uname_unary_op(mt_unop_t op, mt_obj_t self) {
    return op == MT_UNOP_LEN ? MT_NEW_SMALL_INT(5) : MT_NULL;
}

static mt_obj_t uname_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    return mt_getiter(((uname_t *)MT_OBJ_TO_PTR(self))->items, buf);
}

static const mt_type_t uname_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_uname_result,
    .print = uname_print,
    .attr = uname_attr,
    .subscr = uname_subscr,
    .unary_op = uname_unary_op,
    .getiter = uname_getiter,
};

static mt_obj_t board_os_uname(void) {
    static const char *const values[5] = {"esp8266", "esp8266", MT_VERSION_STRING,
                                          "Mote v" MT_VERSION_STRING " on " __DATE__,
                                          "ESP module with ESP8266"};
    mt_obj_t items[5];
    for (size_t i = 0; i < 5; i++) items[i] = mt_str_new(values[i], strlen(values[i]));
    uname_t *u = mt_new_obj(uname_t);
    u->base.type = &uname_type;
    u->items = mt_tuple_new(5, items);
    return MT_OBJ_FROM_PTR(u);
}
MT_DEFINE_FUN_0(mt_board_os_uname_obj, board_os_uname);
