/* The simulated ESP8266: GPIO pads, the RTC (clock and user memory), the CPU clock, the chip
 * id. State here lives outside the GC heap, so it survives soft resets; what a hard reset
 * clears, mt_board_chip_reset clears. The pads are shared with the port's threads (the
 * outside world drives them), under a small spin lock. */
#include "board.h"

#include "hal.h"

#define EPOCH_2000_US (946684800ull * 1000000u)
#define CHIP_ID       0x00a1b2c3u

/* one GPIO pad */
typedef struct {
    uint8_t mode;  /* MT_PIN_IN / OUT / OPEN_DRAIN */
    uint8_t pull;  /* MT_PIN_PULL_NONE / UP */
    uint8_t latch; /* the output register's bit */
    int8_t ext;    /* the outside world's level, -1 when it does not drive */
    int8_t level;  /* the level last reported to the port */
} pad_t;

static struct {
    pad_t pads[MT_PIN_MAX + 1];
    volatile char lock;
    uint64_t power_on_us; /* ticks at the first power-on: the pads' time base */
    int64_t rtc_delta_us; /* RTC = host clock + delta */
    size_t rtc_mem_len;
    uint8_t rtc_mem[MT_RTC_MEMORY_MAX];
    int cpu_mhz;
} chip = {.cpu_mhz = 80};

static volatile bool powered; /* the first power-on happened */

uint64_t mt_board_rtc_alarm_us;
int mt_board_rtc_alarm_wake;

/* the module's resistors: pull-ups on GPIO0 and GPIO2 (boot straps), pull-down on GPIO15 */
static int board_pull(int id) {
    return id == 0 || id == 2;
}

static void lock(void) {
    while (__atomic_test_and_set(&chip.lock, __ATOMIC_ACQUIRE)) {
    }
}

static void unlock(void) {
    __atomic_clear(&chip.lock, __ATOMIC_RELEASE);
}

bool mt_board_pin_valid(mt_int_t id) {
    return (id >= 0 && id <= 5) || (id >= 12 && id <= MT_PIN_MAX);
}

static int pad_level(const pad_t *p, int id) {
    if (p->mode != MT_PIN_IN && p->latch == 0) return 0;
    if (p->mode == MT_PIN_OUT) return 1;
    if (p->ext >= 0) return p->ext;
    if (p->pull == MT_PIN_PULL_UP) return 1;
    return board_pull(id);
}

/* call with the lock held: tell the port when the pad's level changed */
static void update(int id) {
    pad_t *p = &chip.pads[id];
    int level = pad_level(p, id);
    if (level != p->level) {
        p->level = (int8_t)level;
        mt_board_port_pin_changed(id, level, mt_board_uptime_us());
    }
}

void mt_board_pin_config(int id, int mode, int pull) {
    lock();
    chip.pads[id].mode = (uint8_t)mode;
    chip.pads[id].pull = (uint8_t)pull;
    update(id);
    unlock();
}

void mt_board_pin_write(int id, int value) {
    lock();
    chip.pads[id].latch = value != 0;
    update(id);
    unlock();
}

int mt_board_pin_read(int id) {
    lock();
    int level = pad_level(&chip.pads[id], id);
    unlock();
    return level;
}

int mt_board_pin_mode(int id) {
    return chip.pads[id].mode;
}

int mt_board_pin_latch(int id) {
    return chip.pads[id].latch;
}

void mt_board_pin_drive(int id, int level) {
    if (!mt_board_pin_valid(id)) return;
    lock();
    chip.pads[id].ext = (int8_t)(level < 0 ? -1 : level != 0);
    update(id);
    unlock();
}

int mt_board_pin_level(int id) {
    if (!mt_board_pin_valid(id)) return 0;
    return powered ? chip.pads[id].level : board_pull(id);
}

uint64_t mt_board_uptime_us(void) {
    return powered ? mt_hal_ticks_us() - chip.power_on_us : 0;
}

/* ---- reset and the RTC */

void mt_board_chip_reset(int cause) {
    if (!powered) {
        powered = true;
        chip.power_on_us = mt_hal_ticks_us();
        for (int id = 0; id <= MT_PIN_MAX; id++) {
            chip.pads[id].ext = -1;
            chip.pads[id].level = (int8_t)board_pull(id);
        }
    }
    lock();
    for (int id = 0; id <= MT_PIN_MAX; id++) {
        if (!mt_board_pin_valid(id)) continue;
        chip.pads[id].mode = MT_PIN_IN;
        chip.pads[id].pull = MT_PIN_PULL_NONE;
        chip.pads[id].latch = 0;
        update(id);
    }
    unlock();
    chip.cpu_mhz = 80;
    mt_board_rtc_alarm_us = 0;
    mt_board_rtc_alarm_wake = 0;
    MT_UNUSED(cause);
}

uint64_t mt_board_rtc_us(void) {
    return mt_hal_time_ns() / 1000u - EPOCH_2000_US + (uint64_t)chip.rtc_delta_us;
}

void mt_board_rtc_set_us(uint64_t us) {
    chip.rtc_delta_us = (int64_t)(us - (mt_hal_time_ns() / 1000u - EPOCH_2000_US));
}

const uint8_t *mt_board_rtc_memory(size_t *len) {
    *len = chip.rtc_mem_len;
    return chip.rtc_mem;
}

void mt_board_rtc_memory_set(const uint8_t *data, size_t len) {
    memcpy(chip.rtc_mem, data, len);
    chip.rtc_mem_len = len;
}

uint32_t mt_board_chip_id(void) {
    return CHIP_ID;
}

int mt_board_cpu_mhz(void) {
    return chip.cpu_mhz;
}

void mt_board_set_cpu_mhz(int mhz) {
    chip.cpu_mhz = mhz;
}
