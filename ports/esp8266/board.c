/* The board under QEMU: machine/boot.c's life (boot, _boot, boot.py, main.py, the REPL, soft
 * and hard resets) on the chip's 38 KB heap, with the console on the board's UART (hal.c)
 * and the file system on the flash.
 *
 * The flash is a 1 MB chip seen through the CPU's flash window at 0x40200000, chip address 0
 * first: the firmware below 0x90000 (esp8266.ld checks), the user area (428 KB, the FAT volume
 * and its journal) from there, the system parameters in the last 20 KB. QEMU models the window
 * as RAM, so the flash is written with plain stores here (the chip would use the SPI flash
 * routines of its ROM); fs/flash.c keeps the NOR rules (erase to 0xFF, writes only clear bits).
 * The memory lasts as long as QEMU runs: soft and hard resets keep the files, a new QEMU
 * starts with an erased flash (a first power-on: inisetup formats it). */
#include <string.h>

#include "board.h"
#include "config.h"
#include "esp8266.h"
#include "hal.h"
#include "sys.h"
#include "vfs.h"

#define CHIP_SIZE    (1u << 20)
#define ERASED_MAGIC 0x45544f4du /* "MOTE": the user area was erased at this QEMU's start */

extern char _flash_window[];

static mt_flash_t flash;

/* QEMU starts with the window's spare memory zeroed: erase the user area once, and mark that
 * in the system-parameter sectors (which Mote does not otherwise use) */
static void flash_open(void) {
    uint32_t start, size;
    mt_flash_esp_layout(CHIP_SIZE, &start, &size);
    mt_flash_init(&flash, &mt_flash_ram_port, _flash_window + start, CHIP_SIZE, start, size);
    volatile uint32_t *mark = (volatile uint32_t *)(_flash_window + start + size);
    if (*mark == ERASED_MAGIC) return;
    memset(_flash_window + start, 0xff, size);
    *mark = ERASED_MAGIC;
}

/* ---- the hooks machine/board.h asks of a port */

void mt_board_port_pin_changed(int id, int level, uint64_t t_us) {
    /* no outside world under QEMU: the pads are only what Python sets and reads */
}

void mt_board_port_booting(int cause) {}

/* deep sleep: `waiti` until the time is up (0: for ever, as without an RST pulse; the end of
 * the console's input powers the board off instead) */
void mt_board_port_deepsleep(uint64_t us) {
    mt_hal_stdout_flush();
    uint64_t end = mt_hal_ticks_us() + us;
    while (!mt_board_reset_pending() && !mt_esp_console_ended() &&
           (us == 0 || mt_hal_ticks_us() < end)) {
        sys_idle();
    }
}

int mt_esp_board_main(void *heap, size_t heap_size) {
    flash_open();
    mt_esp_console_begin();
    mt_vfs_epoch_offset = -946684800; /* file times count from 2000, as the chip's */
    mt_board_config_t cfg = {
        .machine = "ESP module with ESP8266",
        .flash = &flash,
        .heap = heap,
        .heap_size = heap_size,
        .stack_top = sys_stack_top(),
        .stack_budget = MT_CONFIG_STACK_LIMIT,
    };
    return mt_board_run(&cfg);
}
