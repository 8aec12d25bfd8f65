/* The board layer: an ESP8266 as the machine, esp and boot code see it, and what a port
 * supplies to run one.
 *
 *   boot.c     the board's life: power-on, _boot, boot.py, main.py, the REPL, soft reset
 *              (Ctrl-D, machine.soft_reset), hard reset (machine.reset, the RST pin), deep
 *              sleep and the wake-up after it
 *   vboard.c   the simulated chip: GPIO pads, RTC (clock, 492 bytes of memory kept across
 *              deep sleep and resets), CPU clock, chip id, reset cause
 *   frozen.c   the file layer the module loader uses on the board (the VFS); the modules
 *              frozen into the firmware are bytecode (modules/manifest, core/persist.h)
 *   modmachine.c machine_pin.c machine_rtc.c modesp.c: the Python modules
 *
 * A port (ports/unix/board.c: the virtual board) implements the mt_board_port_* hooks and
 * calls mt_board_run. Everything here runs on the interpreter's thread except the functions
 * marked "any thread". */
#ifndef MT_BOARD_H
#define MT_BOARD_H

#include "flash.h"
#include "obj.h"

/* machine.reset_cause(): the ESP8266 SDK's reset reasons, as MicroPython's esp8266 port */
enum {
    MT_RESET_PWRON = 0,     /* power on */
    MT_RESET_WDT = 1,       /* watchdog */
    MT_RESET_SOFT = 4,      /* machine.reset(): the chip restarted by software */
    MT_RESET_DEEPSLEEP = 5, /* woke from deep sleep */
    MT_RESET_HARD = 6,      /* the RST pin */
};

/* ---- running a board (boot.c) */
typedef struct {
    const char *machine; /* the banner's machine name */
    mt_flash_t *flash;   /* the SPI flash (NULL: none; then no filesystem) */
    void *heap;          /* the GC heap, the chip's size */
    size_t heap_size;
    char *stack_top; /* the C stack's base and how much of it Python may use */
    size_t stack_budget;
    bool gc_stress; /* collect at every allocation (testing) */
} mt_board_config_t;

/* Power the board on and run it until its console reaches end of input; returns 0 then. */
int mt_board_run(const mt_board_config_t *cfg);

/* machine.reset() (cause MT_RESET_SOFT) and deep sleep (MT_RESET_DEEPSLEEP, sleeping sleep_us
 * first; 0: until the RST pin): the board restarts from power-on at once, whatever Python
 * code is running (no finally clauses run; unclosed files lose what was not flushed). */
MT_NORETURN void mt_board_reset(int cause, uint64_t sleep_us);
/* Any thread: the RST pin (cause MT_RESET_HARD). Takes effect at the interpreter's next
 * check (a few ms), at the REPL prompt too. */
void mt_board_request_reset(int cause);
/* true while a requested reset has not happened yet (the port calls mt_board_request_reset
 * again every few ms meanwhile, in case Python code caught the SystemExit that carries it) */
bool mt_board_reset_pending(void);
/* machine.soft_reset(): raises SystemExit; the board then soft-resets as on Ctrl-D */
MT_NORETURN void mt_board_soft_reset(void);
int mt_board_reset_cause(void);

/* ---- the simulated chip (vboard.c) */
enum { MT_PIN_IN = 0, MT_PIN_OUT = 1, MT_PIN_OPEN_DRAIN = 2 };
enum { MT_PIN_PULL_NONE = 0, MT_PIN_PULL_UP = 1 };
#define MT_PIN_MAX 16 /* GPIO0-5 and 12-16 exist; 6-11 are the flash's */

bool mt_board_pin_valid(mt_int_t id);
void mt_board_pin_config(int id, int mode, int pull); /* keeps the output latch */
void mt_board_pin_write(int id, int value);           /* the output latch (0/1) */
int mt_board_pin_read(int id);                        /* the pad's level */
int mt_board_pin_mode(int id);
int mt_board_pin_latch(int id);
/* Any thread: the outside world drives the pad (level 0/1) or lets it go (-1). A pad is
 * then: driven low by its own OUT/OPEN_DRAIN latch at 0, else high by OUT at 1, else at the
 * outside's level, else at its pull (PULL_UP; GPIO0 and GPIO2 have the module's pull-up
 * resistors, GPIO15 its pull-down), else low. */
void mt_board_pin_drive(int id, int level);
/* Any thread: the pad's level as last reported to the port (what a viewer shows). */
int mt_board_pin_level(int id);
/* microseconds since the board was first powered on (the pads' time base) */
uint64_t mt_board_uptime_us(void);

/* the RTC: microseconds since 2000-01-01 (UTC); setting it keeps it across resets */
uint64_t mt_board_rtc_us(void);
void mt_board_rtc_set_us(uint64_t us);
#define MT_RTC_MEMORY_MAX 492
/* the RTC's user memory: kept across resets and deep sleep, lost at power-off */
const uint8_t *mt_board_rtc_memory(size_t *len);
void mt_board_rtc_memory_set(const uint8_t *data, size_t len);
/* RTC.alarm: the deep-sleep wake-up time (us since 2000; 0: none), cleared at each reset */
extern uint64_t mt_board_rtc_alarm_us;
extern int mt_board_rtc_alarm_wake;

uint32_t mt_board_chip_id(void);
int mt_board_cpu_mhz(void);
void mt_board_set_cpu_mhz(int mhz);
mt_flash_t *mt_board_flash(void);
/* called by boot.c at each hard reset: pads back to inputs, CPU clock to 80 MHz */
void mt_board_chip_reset(int cause);

/* ---- the board's file layer (frozen.c) */
/* the module loader's file functions on the board (core/hal.h semantics, never raise): the
 * VFS's */
int mt_board_file_stat(const char *path);
int mt_board_file_open_read(const char *path);
long mt_board_file_read(int handle, void *buf, size_t n);
void mt_board_file_close(int handle);
void mt_board_file_reset(void); /* at each boot: no file open */

/* ---- the modules (registered by boot.c in sys.modules at each boot) */
extern const mt_module_t mt_module_machine, mt_module_esp;
/* the GPIO number of a machine.Pin (ValueError "expecting a pin" for anything else) */
int mt_machine_pin_id(mt_obj_t pin);
/* os.uname() of the board (for the board's os module: MT_OS_VFS_PORT_ENTRIES) */
extern const mt_fun_builtin_t mt_board_os_uname_obj;

/* ---- what the port supplies */
/* a pad's level changed (t_us: microseconds since power-on); may be called on any thread */
void mt_board_port_pin_changed(int id, int level, uint64_t t_us);
/* the board (re)starts: after power-on or a hard reset, before _boot runs */
void mt_board_port_booting(int cause);
/* deep sleep: return after us microseconds (0: never), or earlier when the RST pin is
 * pulsed (mt_board_reset_pending() becomes true) */
void mt_board_port_deepsleep(uint64_t us);

#endif
