/* The machine module of the ESP8266 board (what MicroPython's esp8266 port documents):
 * reset soft_reset reset_cause unique_id freq idle lightsleep/sleep deepsleep disable_irq
 * enable_irq time_pulse_us, the classes Pin Signal RTC, and the constants of reset causes
 * and wake sources. */
#include "board.h"

#include "hal.h"
#include "lib.h"
#include "state.h"

#define WAKE_DEEPSLEEP   4 /* machine.DEEPSLEEP: RTC.irq(wake=...) */
#define SLEEP_FOREVER_US 0xffffffffu

extern const mt_type_t mt_type_machine_pin, mt_type_machine_signal, mt_type_machine_rtc;

static mt_obj_t machine_reset(void) {
    mt_board_reset(MT_RESET_SOFT, 0);
}
static MT_DEFINE_FUN_0(machine_reset_obj, machine_reset);

static mt_obj_t machine_soft_reset(void) {
    mt_board_soft_reset();
}
static MT_DEFINE_FUN_0(machine_soft_reset_obj, machine_soft_reset);

static mt_obj_t machine_reset_cause(void) {
    return MT_NEW_SMALL_INT(mt_board_reset_cause());
}
static MT_DEFINE_FUN_0(machine_reset_cause_obj, machine_reset_cause);

static mt_obj_t machine_unique_id(void) {
    uint32_t id = mt_board_chip_id();
    uint8_t b[4] = {id & 0xff, (id >> 8) & 0xff, (id >> 16) & 0xff, id >> 24};
    return mt_bytes_new(b, 4);
}
static MT_DEFINE_FUN_0(machine_unique_id_obj, machine_unique_id);

static mt_obj_t machine_freq(size_t n, const mt_obj_t *args) {
    if (n == 0) return MT_NEW_SMALL_INT(mt_board_cpu_mhz() * 1000000);
    mt_int_t mhz = mt_obj_get_int(args[0]) / 1000000;
    if (mhz != 80 && mhz != 160)
        mt_raise_value_error("frequency can only be either 80Mhz or 160MHz");
    mt_board_set_cpu_mhz((int)mhz);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(machine_freq_obj, 0, 1, machine_freq);

/* wait for the next interrupt: the tick, a millisecond away */
static mt_obj_t machine_idle(void) {
    uint32_t t = mt_hal_ticks_cpu();
    mt_time_sleep_us(1000);
    return mt_int_from_ull((uint32_t)(mt_hal_ticks_cpu() - t) & 0x3fffffff);
}
static MT_DEFINE_FUN_0(machine_idle_obj, machine_idle);

static mt_obj_t machine_lightsleep(size_t n, const mt_obj_t *args) {
    uint64_t us = SLEEP_FOREVER_US;
    if (n == 1) {
        mt_int_t ms = mt_obj_get_int(args[0]);
        us = ms > 0 ? (uint64_t)ms * 1000u : 0;
    }
    mt_time_sleep_us(us);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(machine_lightsleep_obj, 0, 1, machine_lightsleep);

/* deepsleep([ms]): the RTC alarm (if it is set to wake from deep sleep) or ms, whichever is
 * first; neither: until the RST pin. The board then boots with DEEPSLEEP_RESET. */
static mt_obj_t machine_deepsleep(size_t n, const mt_obj_t *args) {
    uint64_t us = 0;
    if (mt_board_rtc_alarm_wake & WAKE_DEEPSLEEP) {
        uint64_t now = mt_board_rtc_us();
        us = mt_board_rtc_alarm_us > now ? mt_board_rtc_alarm_us - now : 1;
    }
    if (n == 1) {
        mt_int_t ms = mt_obj_get_int(args[0]);
        uint64_t max = (uint64_t)(ms > 0 ? ms : 1) * 1000u;
        if (us == 0 || max < us) us = max;
    }
    mt_board_reset(MT_RESET_DEEPSLEEP, us);
}
static MT_DEFINE_FUN_VAR(machine_deepsleep_obj, 0, 1, machine_deepsleep);

/* interrupts are the VM's pending checks here: nothing to mask, a state to give back */
static mt_obj_t machine_disable_irq(void) {
    return MT_NEW_SMALL_INT(0);
}
static MT_DEFINE_FUN_0(machine_disable_irq_obj, machine_disable_irq);

static mt_obj_t machine_enable_irq(mt_obj_t state) {
    mt_obj_get_int(state);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(machine_enable_irq_obj, machine_enable_irq);

/* time_pulse_us(pin, pulse_level, timeout_us=1000000): the length of the next pulse at
 * pulse_level (timing starts at once if the pin is already there); -2 if it never began
 * within the timeout, -1 if it did not end within it */
static mt_obj_t machine_time_pulse_us(size_t n, const mt_obj_t *args) {
    int id = mt_machine_pin_id(args[0]);
    int level = mt_is_true(args[1]);
    uint64_t timeout = n > 2 ? (uint64_t)mt_obj_get_int(args[2]) : 1000000u;
    uint64_t start = mt_hal_ticks_us();
    for (int changes = 2;;) {
        uint64_t dt = mt_hal_ticks_us() - start;
        if (mt_board_pin_read(id) == level) {
            if (--changes == 0) return mt_int_from_ull(dt);
            level = !level;
            start = mt_hal_ticks_us();
            continue;
        }
        if (dt >= timeout) return MT_NEW_SMALL_INT(-changes);
        if (mt_pending) mt_handle_pending();
    }
}
static MT_DEFINE_FUN_VAR(machine_time_pulse_us_obj, 2, 3, machine_time_pulse_us);

static const mt_map_elem_t machine_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_machine)},
    {MT_ROM_QSTR(MT_QSTR_reset), MT_ROM_PTR(&machine_reset_obj)},
    {MT_ROM_QSTR(MT_QSTR_soft_reset), MT_ROM_PTR(&machine_soft_reset_obj)},
    {MT_ROM_QSTR(MT_QSTR_reset_cause), MT_ROM_PTR(&machine_reset_cause_obj)},
    {MT_ROM_QSTR(MT_QSTR_unique_id), MT_ROM_PTR(&machine_unique_id_obj)},
    {MT_ROM_QSTR(MT_QSTR_freq), MT_ROM_PTR(&machine_freq_obj)},
    {MT_ROM_QSTR(MT_QSTR_idle), MT_ROM_PTR(&machine_idle_obj)},
    {MT_ROM_QSTR(MT_QSTR_sleep), MT_ROM_PTR(&machine_lightsleep_obj)},
    {MT_ROM_QSTR(MT_QSTR_lightsleep), MT_ROM_PTR(&machine_lightsleep_obj)},
    {MT_ROM_QSTR(MT_QSTR_deepsleep), MT_ROM_PTR(&machine_deepsleep_obj)},
    {MT_ROM_QSTR(MT_QSTR_disable_irq), MT_ROM_PTR(&machine_disable_irq_obj)},
    {MT_ROM_QSTR(MT_QSTR_enable_irq), MT_ROM_PTR(&machine_enable_irq_obj)},
    {MT_ROM_QSTR(MT_QSTR_time_pulse_us), MT_ROM_PTR(&machine_time_pulse_us_obj)},
    {MT_ROM_QSTR(MT_QSTR_Pin), MT_ROM_PTR(&mt_type_machine_pin)},
    {MT_ROM_QSTR(MT_QSTR_Signal), MT_ROM_PTR(&mt_type_machine_signal)},
    {MT_ROM_QSTR(MT_QSTR_RTC), MT_ROM_PTR(&mt_type_machine_rtc)},
    {MT_ROM_QSTR(MT_QSTR_DEEPSLEEP), MT_ROM_INT(WAKE_DEEPSLEEP)},
    {MT_ROM_QSTR(MT_QSTR_PWRON_RESET), MT_ROM_INT(MT_RESET_PWRON)},
    {MT_ROM_QSTR(MT_QSTR_HARD_RESET), MT_ROM_INT(MT_RESET_HARD)},
    {MT_ROM_QSTR(MT_QSTR_WDT_RESET), MT_ROM_INT(MT_RESET_WDT)},
    {MT_ROM_QSTR(MT_QSTR_DEEPSLEEP_RESET), MT_ROM_INT(MT_RESET_DEEPSLEEP)},
    {MT_ROM_QSTR(MT_QSTR_SOFT_RESET), MT_ROM_INT(MT_RESET_SOFT)},
};
MT_DEFINE_MODULE(mt_module_machine, machine_table);
