/* The board's life, as MicroPython's ESP8266 port lives it:
 *
 *   power-on / hard reset ──▶ fresh heap ──▶ _boot (mount / or format) ──▶ boot.py ──▶ main.py
 *        ▲                         ▲                                                     │
 *        │                         └──── soft reset: Ctrl-D, machine.soft_reset() ◀── REPL
 *        └── machine.reset(), RST pin, wake from deep sleep
 *
 * After a soft reset asked for from the raw REPL, main.py is skipped and the REPL comes back
 * in raw mode (file tools rely on both). An exception in _boot, boot.py or main.py prints its
 * traceback and the board goes on to the REPL.
 *
 * A hard reset from the interpreter's thread (machine.reset, deep sleep) jumps straight to
 * the nlr buffer `live` pushes; one from another thread (the RST pin) is delivered as a
 * pending SystemExit (the way Ctrl-C is), noticed by the VM, by the console read at the
 * prompt, and by sleeps. */
#include <stdio.h>

#include "board.h"

#include "exc.h"
#include "fun.h"
#include "gc.h"
#include "hal.h"
#include "lib.h"
#include "modsys.h"
#include "modules.h"
#include "nlr.h"
#include "persist.h"
#include "repl.h"
#include "runtime.h"
#include "state.h"
#include "types/containers.h"
#include "vfs.h"

extern const mt_module_t mt_module_os_vfs;
void mt_hal_stdout_flush(void); /* the port's (lib/modsys.c has a default) */

/* What lives outside the GC heap for the board's whole life, as on the chip: the flash's
 * block device (one per board; a GC root, for the jbdev's 4 KB buffer of its no-journal
 * path) and the preallocated SystemExit that carries an asynchronous reset (outside the heap,
 * core/exc.c treats it as const: it gathers no traceback, which a SystemExit never prints). */
static mt_flashbdev_t flash_bdev;
static mt_exc_t reset_exc;

static struct {
    const mt_board_config_t *cfg;
    mt_obj_t bdev;             /* flashbdev.bdev: &flash_bdev, or None */
    mt_nlr_buf_t *reset_buf;   /* live()'s, while an interpreter runs */
    int cause;                 /* of the last hard reset: machine.reset_cause() */
    int next_cause;            /* set by mt_board_reset before it jumps; -1 none */
    uint64_t sleep_us;         /* deep sleep before the next boot */
    volatile bool rst_request; /* the RST pin was pulsed */
    bool soft_request;         /* machine.soft_reset() */
} board;

typedef enum { LIFE_SOFT, LIFE_SOFT_RAW, LIFE_HARD, LIFE_EOF } life_end_t;

static void outs(const char *s) {
    mt_hal_stdout_write(s, strlen(s));
}

static void console_write(void *data, const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}
static const mt_print_t console = {NULL, console_write};

/* ---- resets */

int mt_board_reset_cause(void) {
    return board.cause;
}

MT_NORETURN void mt_board_reset(int cause, uint64_t sleep_us) {
    board.next_cause = cause;
    board.sleep_us = sleep_us;
    mt_hal_stdout_flush();
    if (board.reset_buf == NULL) mt_raise_msg(&mt_type_RuntimeError, "board not running");
    mt_nlr_top = board.reset_buf;
    mt_nlr_jump(MT_NONE);
}

/* deliver the request to the interpreter as a pending SystemExit (Ctrl-C's path) */
static void arm_reset(void) {
    if (reset_exc.base.type == NULL) return; /* no interpreter yet */
    mt_state.pending_exc = MT_OBJ_FROM_PTR(&reset_exc);
    mt_repl_code_running = true; /* so a console read at the prompt raises it too */
    mt_pending = 1;
}

void mt_board_request_reset(int cause) {
    MT_UNUSED(cause); /* only the RST pin asks from outside */
    board.rst_request = true;
    arm_reset();
}

bool mt_board_reset_pending(void) {
    return board.rst_request;
}

MT_NORETURN void mt_board_soft_reset(void) {
    board.soft_request = true;
    mt_raise(MT_OBJ_FROM_PTR(&mt_type_SystemExit));
}

/* ---- one interpreter's start */

/* `flashbdev`: a const module whose `bdev` is the board's flash (None without a flash, or if
 * its journal cannot replay). MicroPython's is a frozen Python module with a FlashBdev class;
 * this one costs no heap. */
static void flashbdev_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] == MT_NULL && attr == MT_QSTR_bdev) dest[0] = board.bdev;
}

static const mt_map_elem_t flashbdev_globals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_flashbdev)},
    {MT_ROM_QSTR(MT_QSTR_bdev), MT_ROM_PTR(MT_NONE)}, /* for dir(): loads get board.bdev */
};
static MT_DEFINE_CONST_DICT(flashbdev_globals, flashbdev_globals_table);
static const mt_module_t module_flashbdev = {
    {&mt_type_module}, (mt_dict_t *)&flashbdev_globals, flashbdev_attr};

/* the board's modules, found by import before the built-in ones (core/modules.h), so they
 * need no sys.modules entry: `import uos` finds os as every u-name does */
static const mt_map_elem_t board_modules_table[] = {
    {MT_ROM_QSTR(MT_QSTR_os), MT_ROM_PTR(&mt_module_os_vfs)},
    {MT_ROM_QSTR(MT_QSTR_machine), MT_ROM_PTR(&mt_module_machine)},
    {MT_ROM_QSTR(MT_QSTR_esp), MT_ROM_PTR(&mt_module_esp)},
    {MT_ROM_QSTR(MT_QSTR_flashbdev), MT_ROM_PTR(&module_flashbdev)},
};
static MT_DEFINE_CONST_MAP(board_modules, board_modules_table);

static void open_flash_bdev(void) {
    board.bdev = MT_NONE;
    if (board.cfg->flash == NULL) return;
    mt_gc_add_root(&flash_bdev, sizeof(flash_bdev) / sizeof(void *));
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        board.bdev = mt_flashbdev_init(&flash_bdev, board.cfg->flash);
        mt_nlr_pop();
    } else {
        mt_printf(&console, "flash: %O\r\n", nlr.ret_val);
    }
}

static void init_reset_exc(void) {
    memset(&reset_exc, 0, sizeof(reset_exc));
    reset_exc.args = MT_EMPTY_TUPLE;
    reset_exc.cause = reset_exc.context = MT_NONE;
    reset_exc.base.type = &mt_type_SystemExit;
}

static void start_interpreter(void) {
    const mt_board_config_t *cfg = board.cfg;
    mt_init(cfg->heap, cfg->heap_size, cfg->stack_top, cfg->stack_budget);
    mt_gc_set_stress(cfg->gc_stress);
    mt_state.interrupt_char = MT_CHAR_CTRL_C;
    mt_readline_init();
    mt_board_file_reset();
    init_reset_exc();
    /* '' first, then the frozen modules, then /lib: MicroPython's order (interned names) */
    mt_list_append(mt_state.sys_path, MT_NEW_QSTR(MT_QSTR_NULL));
    mt_list_append(mt_state.sys_path, MT_NEW_QSTR(MT_QSTR_dot_frozen));
    mt_list_append(mt_state.sys_path, MT_NEW_QSTR(MT_QSTR_slash_lib));
    mt_module_overlay = &board_modules;
    open_flash_bdev();
}

/* ---- boot scripts */

/* what run_script runs: source to compile in __main__, or frozen bytecode in a globals dict
 * of its own (_boot: its names are gone once it has run) */
typedef struct {
    mt_qstr_t name;
    mt_reader_t *reader;
    const mt_code_t *code;
} script_t;

static mt_obj_t script_fun(const script_t *s) {
    if (s->reader != NULL)
        return mt_compile(s->reader, s->name, MT_PARSE_FILE, mt_state.main_globals);
    mt_obj_t globals = mt_dict_new(0);
    mt_dict_store(globals, MT_NEW_QSTR(MT_QSTR___name__), MT_NEW_QSTR(s->name));
    return mt_fun_new((mt_code_t *)s->code, globals); /* const code: the VM only reads it */
}

/* run a script; false when it asked for a soft reset */
static bool run_script(const script_t *s) {
    mt_nlr_buf_t nlr;
    bool go_on = true;
    mt_repl_code_running = true; /* Ctrl-C interrupts boot.py and main.py */
    if (mt_nlr_push(&nlr) == 0) {
        mt_exec_compiled(script_fun(s), MT_NULL);
        if (mt_pending) mt_handle_pending();
        mt_nlr_pop();
    } else if (mt_isinstance(nlr.ret_val, &mt_type_SystemExit)) {
        go_on = !board.soft_request && !board.rst_request;
    } else {
        mt_exc_print_traceback(&console, nlr.ret_val);
        if (nlr.ret_val == mt_state.kbd_exc) mt_exc_clear_traceback(nlr.ret_val);
    }
    mt_repl_code_running = false;
    mt_state.cur_exc = MT_NULL;
    return go_on;
}

/* a frozen module run as a script: its bytecode (modules/manifest) */
static bool run_frozen(mt_qstr_t name) {
    const char *s = mt_qstr_str(name);
    for (const mt_persist_frozen_t *f = mt_persist_frozen_table; f->name != NULL; f++) {
        if (strcmp(f->name, s) == 0) {
            script_t script = {name, NULL, f->code};
            return run_script(&script);
        }
    }
    mt_printf(&console, "no frozen module %s: the build did not freeze modules/\r\n", s);
    return true;
}

/* boot.py or main.py (static names: a boot interns nothing) */
static bool run_file(mt_qstr_t name) {
    const char *path = mt_qstr_str(name);
    mt_reader_t r; /* the HAL's files are the board's while it runs (both ports) */
    if (mt_hal_stat(path) != 1 || !mt_reader_new_file(&r, path)) return true;
    script_t script = {name, &r, NULL};
    return run_script(&script);
}

static bool run_boot_scripts(bool raw) {
    if (!run_frozen(MT_QSTR__boot) || !run_file(MT_QSTR_boot_dot_py)) return false;
    return raw || run_file(MT_QSTR_main_dot_py);
}

/* ---- a life: from a fresh heap to a soft or hard reset */

/* files are flushed and closed at a soft reset and at the end (not at a hard reset: the
 * power goes, as on the chip) */
static void unmount_all(void) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_vfs_umount_all();
        mt_nlr_pop();
    }
}

static life_end_t live(bool raw) {
    mt_nlr_buf_t nlr;
    volatile life_end_t end = LIFE_HARD;
    board.next_cause = -1;
    board.soft_request = false;
    start_interpreter();
    if (mt_nlr_push(&nlr) == 0) {
        board.reset_buf = &nlr;
        if (board.rst_request) arm_reset(); /* asked for while the heap was being set up */
        if (!run_boot_scripts(raw)) {
            end = raw ? LIFE_SOFT_RAW : LIFE_SOFT;
        } else {
            mt_repl_config_t rc = {.machine = board.cfg->machine, .start_raw = raw};
            bool was_raw = false;
            mt_repl_result_t r = mt_repl_run(&rc, &was_raw);
            end = r == MT_REPL_EXIT ? LIFE_EOF : was_raw ? LIFE_SOFT_RAW : LIFE_SOFT;
        }
        mt_nlr_pop();
    } else if (board.next_cause < 0 && !board.rst_request) {
        /* something escaped the REPL itself: report it and restart softly */
        mt_exc_print_traceback(&console, nlr.ret_val);
        end = LIFE_SOFT;
    }
    board.reset_buf = NULL;
    mt_repl_code_running = false;
    if (board.next_cause >= 0 || board.rst_request) return LIFE_HARD;
    unmount_all();
    return end;
}

/* the cause of the hard reset that ended the last life, after any deep sleep */
static int next_boot_cause(void) {
    int cause = board.next_cause >= 0 ? board.next_cause : MT_RESET_HARD;
    if (cause == MT_RESET_DEEPSLEEP) {
        board.rst_request = false; /* only a pulse during the sleep counts */
        mt_board_port_deepsleep(board.sleep_us);
    }
    board.rst_request = false;
    return cause;
}

#define EPOCH_2000_S 946684800u /* 2000-01-01 in seconds after 1970-01-01 */

/* the wall clock of time.time() and time.localtime(): the RTC (ns since 1970) */
static uint64_t rtc_clock_ns(void) {
    return (mt_board_rtc_us() + (uint64_t)EPOCH_2000_S * 1000000u) * 1000u;
}

int mt_board_run(const mt_board_config_t *cfg) {
    board.cfg = cfg;
    mt_sys_platform = "esp8266"; /* a static qstr (MT_QSTR_esp8266): reading it allocates nothing */
    mt_time_clock_ns = rtc_clock_ns; /* time counts from 2000 on the RTC, as on the chip */
    mt_time_epoch_s = EPOCH_2000_S;
    int cause = MT_RESET_PWRON;
    for (;;) {
        board.cause = cause;
        mt_board_chip_reset(cause);
        mt_board_port_booting(cause);
        bool raw = false;
        life_end_t end;
        while ((end = live(raw)) == LIFE_SOFT || end == LIFE_SOFT_RAW) {
            outs("MPY: soft reboot\r\n");
            raw = end == LIFE_SOFT_RAW;
        }
        if (end == LIFE_EOF) break;
        cause = next_boot_cause();
    }
    mt_hal_stdout_flush();
    return 0;
}

mt_flash_t *mt_board_flash(void) {
    return board.cfg ? board.cfg->flash : NULL;
}
