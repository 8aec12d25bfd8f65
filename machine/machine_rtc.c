/* machine.RTC, as MicroPython's ESP8266 port has it: a singleton.
 *   datetime()            (year, month, day, weekday 0=Monday, hours, minutes, seconds,
 *                         subseconds in ms); datetime(tuple of 8) sets it (weekday ignored)
 *   memory() / memory(b)  up to 492 bytes kept across resets and deep sleep, not power-off
 *   alarm(RTC.ALARM0, ms), alarm_left(), irq(trigger=RTC.ALARM0, wake=machine.DEEPSLEEP):
 *                         the wake-up time machine.deepsleep() uses
 * The virtual board's clock starts from the host's clock (UTC) at power-on. */
#include "board.h"

#include "runtime.h"

typedef struct {
    mt_obj_base_t base;
} rtc_obj_t;

extern const mt_type_t mt_type_machine_rtc;
static const rtc_obj_t rtc_obj = {{&mt_type_machine_rtc}};

static mt_obj_t rtc_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 0, false);
    return MT_OBJ_FROM_PTR(&rtc_obj);
}

/* ---- the calendar, counted in days from 2000-01-01 (a Saturday) */

static bool is_leap(mt_int_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(mt_int_t y, int m) {
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && is_leap(y));
}

static mt_int_t days_since_2000(mt_int_t y, int m, int d) {
    mt_int_t days = 0;
    for (mt_int_t yy = 2000; yy < y; yy++) days += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++) days += month_days(y, mm);
    return days + d - 1;
}

static mt_obj_t rtc_get(void) {
    uint64_t ms = mt_board_rtc_us() / 1000u;
    uint64_t secs = ms / 1000u;
    mt_int_t days = (mt_int_t)(secs / 86400u), rest = (mt_int_t)(secs % 86400u);
    mt_int_t weekday = (days + 5) % 7, y = 2000;
    while (days >= (is_leap(y) ? 366 : 365)) days -= is_leap(y++) ? 366 : 365;
    int m = 1;
    while (days >= month_days(y, m)) days -= month_days(y, m++);
    mt_obj_t t[8] = {MT_NEW_SMALL_INT(y),           MT_NEW_SMALL_INT(m),
                     MT_NEW_SMALL_INT(days + 1),    MT_NEW_SMALL_INT(weekday),
                     MT_NEW_SMALL_INT(rest / 3600), MT_NEW_SMALL_INT(rest / 60 % 60),
                     MT_NEW_SMALL_INT(rest % 60),   MT_NEW_SMALL_INT(ms % 1000)};
    return mt_tuple_new(8, t);
}

static void rtc_set(mt_obj_t tuple) {
    size_t n;
    mt_obj_t *items;
    mt_get_array(tuple, &n, &items);
    if (n != 8)
        mt_raise_fmt(&mt_type_ValueError, "requested length 8 but object has length %u",
                     (unsigned)n);
    mt_int_t v[8];
    for (size_t i = 0; i < 8; i++) v[i] = mt_obj_get_int(items[i]);
    if (v[0] < 2000 || v[0] > 2099 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > month_days(v[0], (int)v[1]) || v[4] < 0 || v[4] > 23 || v[5] < 0 || v[5] > 59 ||
        v[6] < 0 || v[6] > 59 || v[7] < 0 || v[7] > 999)
        mt_raise_value_error("invalid datetime");
    uint64_t secs = (uint64_t)days_since_2000(v[0], (int)v[1], (int)v[2]) * 86400u +
                    (uint64_t)(v[4] * 3600 + v[5] * 60 + v[6]);
    mt_board_rtc_set_us((secs * 1000u + (uint64_t)v[7]) * 1000u);
}

static mt_obj_t rtc_datetime(size_t n, const mt_obj_t *args) {
    if (n == 1) return rtc_get();
    rtc_set(args[1]);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(rtc_datetime_obj, 1, 2, rtc_datetime);

static mt_obj_t rtc_memory(size_t n, const mt_obj_t *args) {
    if (n == 1) {
        size_t len;
        const uint8_t *data = mt_board_rtc_memory(&len);
        return mt_bytes_new(data, len);
    }
    mt_buffer_info_t info;
    mt_get_buffer_raise(args[1], &info, MT_BUFFER_READ);
    if (info.len > MT_RTC_MEMORY_MAX) mt_raise_value_error("buffer too long");
    mt_board_rtc_memory_set(info.buf, info.len);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(rtc_memory_obj, 1, 2, rtc_memory);

static void check_alarm_id(mt_obj_t id) {
    if (mt_obj_get_int(id) != 0) mt_raise_value_error("invalid alarm");
}

static mt_obj_t rtc_alarm(mt_obj_t self, mt_obj_t id, mt_obj_t ms) {
    check_alarm_id(id);
    mt_int_t t = mt_obj_get_int(ms);
    mt_board_rtc_alarm_us = mt_board_rtc_us() + (uint64_t)(t > 0 ? t : 0) * 1000u;
    return MT_NONE;
}
static MT_DEFINE_FUN_3(rtc_alarm_obj, rtc_alarm);

static mt_obj_t rtc_alarm_left(size_t n, const mt_obj_t *args) {
    if (n > 1) check_alarm_id(args[1]);
    uint64_t now = mt_board_rtc_us();
    if (mt_board_rtc_alarm_us <= now) return MT_NEW_SMALL_INT(0);
    return mt_int_from_ull((mt_board_rtc_alarm_us - now) / 1000u);
}
static MT_DEFINE_FUN_VAR(rtc_alarm_left_obj, 1, 2, rtc_alarm_left);

static mt_obj_t rtc_irq(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_trigger, MT_ARG_KW_ONLY, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_wake, MT_ARG_KW_ONLY, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[2];
    mt_arg_parse(n - 1, args + 1, kw, 2, spec, a);
    check_alarm_id(a[0]);
    mt_board_rtc_alarm_wake = (int)mt_obj_get_int(a[1]);
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(rtc_irq_obj, 1, rtc_irq);

static const mt_map_elem_t rtc_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_datetime), MT_ROM_PTR(&rtc_datetime_obj)},
    {MT_ROM_QSTR(MT_QSTR_memory), MT_ROM_PTR(&rtc_memory_obj)},
    {MT_ROM_QSTR(MT_QSTR_alarm), MT_ROM_PTR(&rtc_alarm_obj)},
    {MT_ROM_QSTR(MT_QSTR_alarm_left), MT_ROM_PTR(&rtc_alarm_left_obj)},
    {MT_ROM_QSTR(MT_QSTR_irq), MT_ROM_PTR(&rtc_irq_obj)},
    {MT_ROM_QSTR(MT_QSTR_ALARM0), MT_ROM_INT(0)},
};
static MT_DEFINE_CONST_MAP(rtc_locals, rtc_locals_table);

const mt_type_t mt_type_machine_rtc = {
    .base = {&mt_type_type},
    .name = MT_QSTR_RTC,
    .make_new = rtc_make_new,
    .locals = &rtc_locals,
};
