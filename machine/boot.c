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
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "repl.h"
#include "runtime.h"
#include "state.h"
#include "vfs.h"

extern const mt_module_t mt_module_os_vfs;
void mt_hal_stdout_flush(void); /* the port's (lib/modsys.c has a default) */

static struct {
    const mt_board_config_t *cfg;
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
    mt_obj_t exc = mt_state.extra[MT_BOARD_STATE_SLOT];
    if (exc == MT_NULL) return;
    mt_state.pending_exc = exc;
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

static void register_module(const char *name, mt_obj_t module) {
    mt_dict_store(mt_state.modules, MT_NEW_QSTR(mt_qstr_from_str(name)), module);
}

/* the flash as `flashbdev.bdev` (None without a flash, or if its journal cannot replay) */
static mt_obj_t flashbdev_module(void) {
    mt_obj_t mod = mt_module_new(MT_QSTR_flashbdev);
    mt_obj_t bdev = MT_NONE;
    mt_nlr_buf_t nlr;
    if (board.cfg->flash != NULL && mt_nlr_push(&nlr) == 0) {
        bdev = mt_flashbdev_new(board.cfg->flash);
        mt_nlr_pop();
    } else if (board.cfg->flash != NULL) {
        mt_printf(&console, "flash: %O\r\n", nlr.ret_val);
    }
    mt_dict_store(mt_module_globals(mod), MT_NEW_QSTR(MT_QSTR_bdev), bdev);
    return mod;
}

static void start_interpreter(void) {
    const mt_board_config_t *cfg = board.cfg;
    mt_init(cfg->heap, cfg->heap_size, cfg->stack_top, cfg->stack_budget);
    mt_gc_set_stress(cfg->gc_stress);
    mt_state.interrupt_char = MT_CHAR_CTRL_C;
    mt_readline_init();
    mt_board_file_reset();
    mt_state.extra[MT_BOARD_STATE_SLOT] = mt_exc_new(&mt_type_SystemExit, 0, NULL);
    mt_obj_t path[3] = {MT_NEW_QSTR(MT_QSTR_NULL), mt_str_new(".frozen", 7), mt_str_new("/lib", 4)};
    mt_state.sys_path = mt_list_new(3, path);
    register_module("os", MT_OBJ_FROM_PTR(&mt_module_os_vfs));
    register_module("uos", MT_OBJ_FROM_PTR(&mt_module_os_vfs));
    register_module("machine", MT_OBJ_FROM_PTR(&mt_module_machine));
    register_module("umachine", MT_OBJ_FROM_PTR(&mt_module_machine));
    register_module("esp", MT_OBJ_FROM_PTR(&mt_module_esp));
    register_module("flashbdev", flashbdev_module());
}

/* ---- boot scripts */

/* run a script's code in __main__; false when it asked for a soft reset */
static bool run_script(const char *name, mt_reader_t *r) {
    mt_nlr_buf_t nlr;
    bool go_on = true;
    mt_repl_code_running = true; /* Ctrl-C interrupts boot.py and main.py */
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t fun = mt_compile(r, mt_qstr_from_str(name), MT_PARSE_FILE, mt_state.main_globals);
        mt_exec_compiled(fun, MT_NULL);
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

static bool run_frozen(const char *name) {
    size_t len;
    const char *src = mt_frozen_find(name, &len);
    if (src == NULL) {
        mt_printf(&console, "no frozen module %s: the build did not freeze modules/\r\n", name);
        return true;
    }
    mt_reader_t r;
    mt_reader_new_mem(&r, src, len);
    char file[32];
    snprintf(file, sizeof(file), "%s.py", name);
    return run_script(file, &r);
}

/* a reader over the board's file layer (the flash's files) */
typedef struct {
    int handle;
    uint16_t pos, len;
    uint8_t buf[MT_CONFIG_LEX_CHUNK];
} file_reader_t;

static int file_readbyte(void *data) {
    file_reader_t *f = data;
    if (f->pos >= f->len) {
        long n = f->handle < 0 ? -1 : mt_board_file_read(f->handle, f->buf, sizeof(f->buf));
        if (n <= 0) return -1;
        f->len = (uint16_t)n;
        f->pos = 0;
    }
    return f->buf[f->pos++];
}

static void file_close(void *data) {
    file_reader_t *f = data;
    if (f->handle >= 0) mt_board_file_close(f->handle);
    f->handle = -1;
}

static bool run_file(const char *path) {
    if (mt_board_file_stat(path) != 1) return true;
    file_reader_t *f = mt_new_obj(file_reader_t);
    f->handle = mt_board_file_open_read(path);
    if (f->handle < 0) return true;
    mt_reader_t r = {f, file_readbyte, file_close};
    return run_script(path, &r);
}

static bool run_boot_scripts(bool raw) {
    if (!run_frozen("_boot") || !run_file("boot.py")) return false;
    return raw || run_file("main.py");
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

int mt_board_run(const mt_board_config_t *cfg) {
    board.cfg = cfg;
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
