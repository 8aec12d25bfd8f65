/* time: time time_ns sleep sleep_ms sleep_us ticks_ms ticks_us ticks_cpu ticks_add
 * ticks_diff gmtime localtime mktime.
 * ticks_* values wrap at TICKS_PERIOD = 2**30 on every port (they stay small ints on the
 * chip); ticks_diff gives the signed distance in [-2**29, 2**29) as MicroPython documents.
 * gmtime/localtime return MicroPython's 8-tuple (year, month, mday, hour, minute, second,
 * weekday 0=Monday, yearday 1..366); the epoch is 1970-01-01 (UTC; no time zones), or the
 * one a board sets (mt_time_epoch_s). */
#include <math.h>

#include "hal.h"
#include "lib.h"
#include "obj.h"
#include "state.h"

#define TICKS_PERIOD ((mt_int_t)1 << 30)
#define TICKS_MASK   (TICKS_PERIOD - 1)

uint64_t (*mt_time_clock_ns)(void) = mt_hal_time_ns;
int64_t mt_time_epoch_s;

/* ns since the epoch */
static uint64_t now_ns(void) {
    return mt_time_clock_ns() - (uint64_t)mt_time_epoch_s * 1000000000u;
}

static mt_obj_t time_time(void) {
    return mt_float_new((mt_float_t)(now_ns() / 1e9));
}
static MT_DEFINE_FUN_0(time_time_obj, time_time);

static mt_obj_t time_time_ns(void) {
    return mt_int_from_ull(now_ns());
}
static MT_DEFINE_FUN_0(time_time_ns_obj, time_time_ns);

void mt_time_sleep_us(uint64_t us) {
    while (us > 0) {
        uint64_t step = us > 10000 ? 10000 : us;
        mt_hal_delay_us(step);
        us -= step;
        if (mt_pending) mt_handle_pending();
    }
}

static mt_obj_t time_sleep(mt_obj_t secs) {
    mt_float_t s = mt_obj_get_float(secs);
    if (s < 0) mt_raise_value_error("sleep length must be non-negative");
    mt_time_sleep_us((uint64_t)((double)s * 1e6));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(time_sleep_obj, time_sleep);

static mt_obj_t time_sleep_ms(mt_obj_t ms) {
    mt_int_t v = mt_obj_get_int(ms);
    if (v > 0) mt_time_sleep_us((uint64_t)v * 1000);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(time_sleep_ms_obj, time_sleep_ms);

static mt_obj_t time_sleep_us(mt_obj_t us) {
    mt_int_t v = mt_obj_get_int(us);
    if (v > 0) mt_time_sleep_us((uint64_t)v);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(time_sleep_us_obj, time_sleep_us);

static mt_obj_t time_ticks_ms(void) {
    return MT_NEW_SMALL_INT(mt_hal_ticks_ms() & TICKS_MASK);
}
static mt_obj_t time_ticks_us(void) {
    return MT_NEW_SMALL_INT(mt_hal_ticks_us() & TICKS_MASK);
}
static mt_obj_t time_ticks_cpu(void) {
    return MT_NEW_SMALL_INT(mt_hal_ticks_cpu() & TICKS_MASK);
}
static MT_DEFINE_FUN_0(time_ticks_ms_obj, time_ticks_ms);
static MT_DEFINE_FUN_0(time_ticks_us_obj, time_ticks_us);
static MT_DEFINE_FUN_0(time_ticks_cpu_obj, time_ticks_cpu);

static mt_obj_t time_ticks_add(mt_obj_t t, mt_obj_t delta) {
    return MT_NEW_SMALL_INT((mt_obj_get_int(t) + mt_obj_get_int(delta)) & TICKS_MASK);
}
static MT_DEFINE_FUN_2(time_ticks_add_obj, time_ticks_add);

static mt_obj_t time_ticks_diff(mt_obj_t end, mt_obj_t start) {
    mt_int_t d = (mt_obj_get_int(end) - mt_obj_get_int(start) + TICKS_PERIOD / 2) & TICKS_MASK;
    return MT_NEW_SMALL_INT(d - TICKS_PERIOD / 2);
}
static MT_DEFINE_FUN_2(time_ticks_diff_obj, time_ticks_diff);

/* days since 1970-01-01 <-> civil date (proleptic Gregorian) */
static long long days_from_civil(long long y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static mt_obj_t time_gmtime(size_t n, const mt_obj_t *args) {
    long long t = (n == 0 || args[0] == MT_NONE)
                      ? (long long)(now_ns() / 1000000000u)
                      : (long long)floor((double)mt_obj_get_float(args[0]));
    t += mt_time_epoch_s;
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long long secs = t - days * 86400;
    long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
    long long y = yoe + era * 400 + (m <= 2);
    long long yday = days - days_from_civil(y, 1, 1) + 1;
    mt_obj_t items[8] = {
        mt_int_from_ll(y),
        MT_NEW_SMALL_INT(m),
        MT_NEW_SMALL_INT(d),
        MT_NEW_SMALL_INT(secs / 3600),
        MT_NEW_SMALL_INT(secs / 60 % 60),
        MT_NEW_SMALL_INT(secs % 60),
        MT_NEW_SMALL_INT(((days % 7) + 7 + 3) % 7),
        MT_NEW_SMALL_INT(yday),
    };
    return mt_tuple_new(8, items);
}
static MT_DEFINE_FUN_VAR(time_gmtime_obj, 0, 1, time_gmtime);

static mt_obj_t time_mktime(mt_obj_t tuple) {
    size_t n;
    mt_obj_t *items;
    mt_get_array(tuple, &n, &items);
    if (n < 6 || n > 9) mt_raise_type_error("mktime needs a tuple of length 8 or 9");
    long long y = mt_obj_get_ll(items[0]);
    long long mon = mt_obj_get_int(items[1]) - 1; /* normalise out-of-range months */
    y += mon >= 0 ? mon / 12 : -((11 - mon) / 12);
    mon = ((mon % 12) + 12) % 12;
    long long days = days_from_civil(y, (int)mon + 1, 1) + mt_obj_get_int(items[2]) - 1;
    long long t = days * 86400 + mt_obj_get_int(items[3]) * 3600LL +
                  mt_obj_get_int(items[4]) * 60LL + mt_obj_get_int(items[5]);
    return mt_int_from_ll(t - mt_time_epoch_s);
}
static MT_DEFINE_FUN_1(time_mktime_obj, time_mktime);

static const mt_map_elem_t time_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_time)},
    {MT_ROM_QSTR(MT_QSTR_time), MT_ROM_PTR(&time_time_obj)},
    {MT_ROM_QSTR(MT_QSTR_time_ns), MT_ROM_PTR(&time_time_ns_obj)},
    {MT_ROM_QSTR(MT_QSTR_sleep), MT_ROM_PTR(&time_sleep_obj)},
    {MT_ROM_QSTR(MT_QSTR_sleep_ms), MT_ROM_PTR(&time_sleep_ms_obj)},
    {MT_ROM_QSTR(MT_QSTR_sleep_us), MT_ROM_PTR(&time_sleep_us_obj)},
    {MT_ROM_QSTR(MT_QSTR_ticks_ms), MT_ROM_PTR(&time_ticks_ms_obj)},
    {MT_ROM_QSTR(MT_QSTR_ticks_us), MT_ROM_PTR(&time_ticks_us_obj)},
    {MT_ROM_QSTR(MT_QSTR_ticks_cpu), MT_ROM_PTR(&time_ticks_cpu_obj)},
    {MT_ROM_QSTR(MT_QSTR_ticks_add), MT_ROM_PTR(&time_ticks_add_obj)},
    {MT_ROM_QSTR(MT_QSTR_ticks_diff), MT_ROM_PTR(&time_ticks_diff_obj)},
    {MT_ROM_QSTR(MT_QSTR_gmtime), MT_ROM_PTR(&time_gmtime_obj)},
    {MT_ROM_QSTR(MT_QSTR_localtime), MT_ROM_PTR(&time_gmtime_obj)},
    {MT_ROM_QSTR(MT_QSTR_mktime), MT_ROM_PTR(&time_mktime_obj)},
};
MT_DEFINE_MODULE(mt_module_time, time_table);
