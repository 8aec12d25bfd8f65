/* machine.Pin and machine.Signal, as MicroPython's ESP8266 port has them.
 *
 * Pin(id, mode=-1, pull=-1, *, value=None): GPIO0-5 and 12-16 (6-11 hold the flash:
 * ValueError). Modes IN, OUT, OPEN_DRAIN; pull None or PULL_UP (GPIO16 has none). A pin
 * object is a const singleton: Pin(2) is Pin(2). value() reads the pad; value(x), on(),
 * off(), toggle() set the output latch (which shows on the pad in OUT and OPEN_DRAIN modes).
 * Signal(pin or Pin arguments, *, invert=False): a pin whose logic may be inverted. */
#include "board.h"

#include "runtime.h"

typedef struct {
    mt_obj_base_t base;
    uint8_t id;
} pin_obj_t;

typedef struct {
    mt_obj_base_t base;
    mt_obj_t pin;
    bool invert;
} signal_obj_t;

extern const mt_type_t mt_type_machine_pin, mt_type_machine_signal;

/* the pin objects, const; 6-11 (the flash's) have no type */
static const pin_obj_t pins[MT_PIN_MAX + 1] = {
    [0] = {{&mt_type_machine_pin}, 0},   [1] = {{&mt_type_machine_pin}, 1},
    [2] = {{&mt_type_machine_pin}, 2},   [3] = {{&mt_type_machine_pin}, 3},
    [4] = {{&mt_type_machine_pin}, 4},   [5] = {{&mt_type_machine_pin}, 5},
    [12] = {{&mt_type_machine_pin}, 12}, [13] = {{&mt_type_machine_pin}, 13},
    [14] = {{&mt_type_machine_pin}, 14}, [15] = {{&mt_type_machine_pin}, 15},
    [16] = {{&mt_type_machine_pin}, 16},
};

static int pin_id(mt_obj_t self) {
    return ((pin_obj_t *)MT_OBJ_TO_PTR(self))->id;
}

int mt_machine_pin_id(mt_obj_t pin) {
    if (!MT_IS_TYPE(pin, &mt_type_machine_pin)) mt_raise_value_error("expecting a pin");
    return pin_id(pin);
}

static void pin_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    mt_printf(p, "Pin(%d)", pin_id(self));
}

/* pin.init(mode=-1, pull=-1, *, value=None); -1: leave as it is */
static void pin_configure(int id, size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_mode, 0, MT_NEW_SMALL_INT(-1)},
        {MT_QSTR_pull, 0, MT_NEW_SMALL_INT(-1)},
        {MT_QSTR_value, MT_ARG_KW_ONLY, MT_NONE},
    };
    mt_obj_t a[3];
    mt_arg_parse(n, args, kw, 3, spec, a);
    mt_int_t mode = mt_obj_get_int(a[0]);
    mt_int_t pull = a[1] == MT_NONE ? MT_PIN_PULL_NONE : mt_obj_get_int(a[1]);
    if (mode < -1 || mode > MT_PIN_OPEN_DRAIN) mt_raise_value_error("invalid pin mode");
    if (pull < -1 || pull > MT_PIN_PULL_UP) mt_raise_value_error("invalid pull");
    if (id == 16 && pull == MT_PIN_PULL_UP) mt_raise_value_error("Pin(16) doesn't support pull");
    if (a[2] != MT_NONE) mt_board_pin_write(id, mt_is_true(a[2]));
    if (mode < 0) mode = mt_board_pin_mode(id);
    if (pull < 0) pull = MT_PIN_PULL_NONE;
    mt_board_pin_config(id, (int)mode, (int)pull);
}

static mt_obj_t pin_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 1, 3, true);
    mt_int_t id = mt_obj_get_int(args[0]);
    if (!mt_board_pin_valid(id)) mt_raise_value_error("invalid pin");
    if (n > 1 || n_kw > 0) {
        mt_map_t kw;
        mt_map_init_fixed(&kw, (const mt_map_elem_t *)(args + n), n_kw);
        pin_configure((int)id, n - 1, args + 1, &kw);
    }
    return MT_OBJ_FROM_PTR(&pins[id]);
}

static mt_obj_t pin_init(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    pin_configure(pin_id(args[0]), n - 1, args + 1, kw);
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(pin_init_obj, 1, pin_init);

/* pin() reads, pin(x) writes */
static mt_obj_t pin_access(mt_obj_t self, size_t n, const mt_obj_t *args) {
    if (n == 0) return MT_NEW_SMALL_INT(mt_board_pin_read(pin_id(self)));
    mt_board_pin_write(pin_id(self), mt_is_true(args[0]));
    return MT_NONE;
}

static mt_obj_t pin_call(mt_obj_t self, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 1, false);
    return pin_access(self, n, args);
}

static mt_obj_t pin_value(size_t n, const mt_obj_t *args) {
    return pin_access(args[0], n - 1, args + 1);
}
static MT_DEFINE_FUN_VAR(pin_value_obj, 1, 2, pin_value);

static mt_obj_t pin_on(mt_obj_t self) {
    mt_board_pin_write(pin_id(self), 1);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(pin_on_obj, pin_on);

static mt_obj_t pin_off(mt_obj_t self) {
    mt_board_pin_write(pin_id(self), 0);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(pin_off_obj, pin_off);

static mt_obj_t pin_toggle(mt_obj_t self) {
    mt_board_pin_write(pin_id(self), !mt_board_pin_latch(pin_id(self)));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(pin_toggle_obj, pin_toggle);

static const mt_map_elem_t pin_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_init), MT_ROM_PTR(&pin_init_obj)},
    {MT_ROM_QSTR(MT_QSTR_value), MT_ROM_PTR(&pin_value_obj)},
    {MT_ROM_QSTR(MT_QSTR_on), MT_ROM_PTR(&pin_on_obj)},
    {MT_ROM_QSTR(MT_QSTR_off), MT_ROM_PTR(&pin_off_obj)},
    {MT_ROM_QSTR(MT_QSTR_toggle), MT_ROM_PTR(&pin_toggle_obj)},
    {MT_ROM_QSTR(MT_QSTR_IN), MT_ROM_INT(MT_PIN_IN)},
    {MT_ROM_QSTR(MT_QSTR_OUT), MT_ROM_INT(MT_PIN_OUT)},
    {MT_ROM_QSTR(MT_QSTR_OPEN_DRAIN), MT_ROM_INT(MT_PIN_OPEN_DRAIN)},
    {MT_ROM_QSTR(MT_QSTR_PULL_UP), MT_ROM_INT(MT_PIN_PULL_UP)},
    {MT_ROM_QSTR(MT_QSTR_IRQ_RISING), MT_ROM_INT(1)},
    {MT_ROM_QSTR(MT_QSTR_IRQ_FALLING), MT_ROM_INT(2)},
};
static MT_DEFINE_CONST_MAP(pin_locals, pin_locals_table);

const mt_type_t mt_type_machine_pin = {
    .base = {&mt_type_type},
    .name = MT_QSTR_Pin,
    .flags = MT_TYPE_FLAG_EQ_IS_IDENTITY,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals = &pin_locals,
};

/* ---- Signal */

static mt_obj_t signal_make_new(const mt_type_t *type, size_t n, size_t n_kw,
                                const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 1, 3, true);
    bool invert = false;
    size_t n_pin_kw = 0;
    mt_obj_t pin_args[3 + 2 * 3];
    memcpy(pin_args, args, n * sizeof(mt_obj_t));
    for (size_t i = 0; i < n_kw; i++) {
        mt_obj_t key = args[n + 2 * i], value = args[n + 2 * i + 1];
        if (key == MT_NEW_QSTR(MT_QSTR_invert)) {
            invert = mt_is_true(value);
        } else if (n_pin_kw < 3) {
            pin_args[n + 2 * n_pin_kw] = key;
            pin_args[n + 2 * n_pin_kw + 1] = value;
            n_pin_kw++;
        } else {
            mt_raise_type_error("too many keyword arguments");
        }
    }
    mt_obj_t pin = args[0];
    if (!MT_IS_TYPE(pin, &mt_type_machine_pin) || n > 1 || n_pin_kw > 0)
        pin = pin_make_new(&mt_type_machine_pin, n, n_pin_kw, pin_args);
    signal_obj_t *s = mt_new_obj(signal_obj_t);
    s->base.type = &mt_type_machine_signal;
    s->pin = pin;
    s->invert = invert;
    return MT_OBJ_FROM_PTR(s);
}

static mt_obj_t signal_access(mt_obj_t self, size_t n, const mt_obj_t *args) {
    signal_obj_t *s = MT_OBJ_TO_PTR(self);
    int id = pin_id(s->pin);
    if (n == 0) return MT_NEW_SMALL_INT(mt_board_pin_read(id) ^ s->invert);
    mt_board_pin_write(id, mt_is_true(args[0]) ^ s->invert);
    return MT_NONE;
}

static mt_obj_t signal_call(mt_obj_t self, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 1, false);
    return signal_access(self, n, args);
}

static mt_obj_t signal_value(size_t n, const mt_obj_t *args) {
    return signal_access(args[0], n - 1, args + 1);
}
static MT_DEFINE_FUN_VAR(signal_value_obj, 1, 2, signal_value);

static mt_obj_t signal_on(mt_obj_t self) {
    mt_obj_t one = MT_NEW_SMALL_INT(1);
    return signal_access(self, 1, &one);
}
static MT_DEFINE_FUN_1(signal_on_obj, signal_on);

static mt_obj_t signal_off(mt_obj_t self) {
    mt_obj_t zero = MT_NEW_SMALL_INT(0);
    return signal_access(self, 1, &zero);
}
static MT_DEFINE_FUN_1(signal_off_obj, signal_off);

static void signal_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    signal_obj_t *s = MT_OBJ_TO_PTR(self);
    mt_printf(p, "Signal(Pin(%d), invert=%s)", pin_id(s->pin), s->invert ? "True" : "False");
}

static const mt_map_elem_t signal_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_value), MT_ROM_PTR(&signal_value_obj)},
    {MT_ROM_QSTR(MT_QSTR_on), MT_ROM_PTR(&signal_on_obj)},
    {MT_ROM_QSTR(MT_QSTR_off), MT_ROM_PTR(&signal_off_obj)},
};
static MT_DEFINE_CONST_MAP(signal_locals, signal_locals_table);

const mt_type_t mt_type_machine_signal = {
    .base = {&mt_type_type},
    .name = MT_QSTR_Signal,
    .print = signal_print,
    .make_new = signal_make_new,
    .call = signal_call,
    .locals = &signal_locals,
};
