/* The friendly REPL, paste mode, the raw REPL and raw-paste mode: byte for byte what
 * ../shared/PROTOCOLS.md lists, so terminals and file tools (pyboard.py, mpremote, ampy,
 * rshell, Thonny) work unchanged. */
#include "hal.h"
#include "modsys.h"
#include "nlr.h"
#include "repl.h"
#include "state.h"

#define RAW_PASTE_WINDOW 128

volatile bool mt_repl_code_running;
static int exit_code;       /* for SystemExit on a host terminal */
static bool exit_requested; /* SystemExit was raised by REPL code */

static void outs(const char *s) {
    mt_hal_stdout_write(s, strlen(s));
}

static void stdout_write(void *data, const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}
static const mt_print_t console = {NULL, stdout_write};

void mt_repl_print_banner(const mt_repl_config_t *cfg) {
    outs("Mote v" MT_VERSION_STRING " on " __DATE__ "; ");
    outs(cfg->machine ? cfg->machine : "unknown");
    outs("\r\nType \"help()\" for more information.\r\n");
}

/* SystemExit: remember the code (nothing to print); anything else: the exception */
static mt_obj_t unless_exit(mt_obj_t exc) {
    if (!mt_exc_match(exc, MT_OBJ_FROM_PTR(&mt_type_SystemExit))) return exc;
    mt_obj_t code = mt_load_attr_maybe(exc, MT_QSTR_code);
    exit_requested = true;
    exit_code = code == MT_NULL || code == MT_NONE ? 0
                : mt_obj_is_int(code)              ? (int)mt_obj_get_int(code)
                                                   : 1;
    return MT_NULL;
}

/* run src; returns the exception that escaped (MT_NULL if none or SystemExit) */
static mt_obj_t exec_catch(const char *src, size_t len, mt_parse_mode_t mode) {
    mt_nlr_buf_t nlr;
    mt_obj_t exc = MT_NULL;
    mt_repl_code_running = true;
    if (mt_nlr_push(&nlr) == 0) {
        mt_exec_str(src, len, MT_QSTR_lt_stdin_gt, mode, mt_state.main_globals, MT_NULL);
        if (mt_pending) mt_handle_pending(); /* a Ctrl-C that came just at the end */
        mt_nlr_pop();
    } else {
        exc = unless_exit(nlr.ret_val);
    }
    mt_repl_code_running = false;
    mt_state.cur_exc = MT_NULL;
    return exc;
}

bool mt_repl_exec(const char *src, size_t len, mt_parse_mode_t mode) {
    mt_obj_t exc = exec_catch(src, len, mode);
    if (exc != MT_NULL) mt_exc_print_traceback(&console, exc);
    return exc == MT_NULL;
}

/* the raw REPL's framing of a run: stdout, \x04, traceback, \x04 */
static void raw_run(mt_vstr_t *v) {
    mt_obj_t exc = exec_catch(v->buf, v->len, MT_PARSE_FILE);
    outs("\x04");
    if (exc != MT_NULL) mt_exc_print_traceback(&console, exc);
    outs("\x04");
}

/* ---- paste mode (Ctrl-E) */

static void paste_mode(void) {
    outs("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    mt_vstr_t v;
    mt_vstr_init(&v, 256);
    bool after_cr = false;
    for (;;) {
        int c = mt_hal_stdin_read();
        if (c == MT_CHAR_CTRL_C || c < 0) {
            outs("\r\n");
            return;
        }
        if (c == MT_CHAR_CTRL_D) break;
        if (c == '\n' && after_cr) {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        if (c == '\r' || c == '\n') {
            mt_vstr_add_byte(&v, '\n');
            outs("\r\n=== ");
            continue;
        }
        char ch = (char)c;
        mt_vstr_add_byte(&v, (uint8_t)c);
        mt_hal_stdout_write(&ch, 1);
    }
    outs("\r\n");
    mt_repl_exec(v.buf, v.len, MT_PARSE_FILE);
}

/* ---- the raw REPL */

/* raw-paste: flow-controlled upload; the program ends with Ctrl-D */
static void raw_paste(mt_vstr_t *v) {
    char hdr[5] = {'R', 1, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8, 1};
    mt_hal_stdout_write(hdr, sizeof hdr);
    size_t consumed = 0;
    v->len = 0;
    for (;;) {
        int c = mt_hal_stdin_read();
        if (c < 0 || c == MT_CHAR_CTRL_C) { /* abort: tell the tool, run nothing */
            outs("\x04");
            v->len = 0;
            return;
        }
        if (c == MT_CHAR_CTRL_D) break;
        mt_vstr_add_byte(v, (uint8_t)c);
        if (++consumed == RAW_PASTE_WINDOW) { /* one more window of credit */
            outs("\x01");
            consumed = 0;
        }
    }
    outs("\x04");
    raw_run(v); /* the usual framing, without the OK */
    v->len = 0;
}

typedef enum { RAW_TO_FRIENDLY, RAW_SOFT_RESET, RAW_EOF } raw_result_t;

static raw_result_t raw_repl(void) {
    outs("raw REPL; CTRL-B to exit\r\n>");
    mt_vstr_t v;
    mt_vstr_init(&v, 256);
    for (;;) {
        int c = mt_hal_stdin_read();
        switch (c) {
        case -1: return RAW_EOF;
        case MT_CHAR_CTRL_A:
            v.len = 0;
            outs("\r\nraw REPL; CTRL-B to exit\r\n>");
            break;
        case MT_CHAR_CTRL_B: outs("\r\n"); return RAW_TO_FRIENDLY;
        case MT_CHAR_CTRL_C: v.len = 0; break;
        case MT_CHAR_CTRL_D:
            if (v.len == 0) return RAW_SOFT_RESET;
            outs("OK");
            raw_run(&v);
            if (exit_requested) return RAW_SOFT_RESET;
            outs(">");
            v.len = 0;
            break;
        case MT_CHAR_CTRL_E:
            if (v.len == 0) {
                int a = mt_hal_stdin_read();
                int b = a == 'A' ? mt_hal_stdin_read() : -1;
                if (a == 'A' && b == 1) {
                    raw_paste(&v);
                    if (exit_requested) return RAW_SOFT_RESET;
                    outs(">");
                    break;
                }
                if (a >= 0) mt_vstr_add_byte(&v, (uint8_t)a); /* not raw-paste: keep as text */
                if (b >= 0) mt_vstr_add_byte(&v, (uint8_t)b);
                break;
            }
            mt_vstr_add_byte(&v, (uint8_t)c);
            break;
        default: mt_vstr_add_byte(&v, (uint8_t)c); break;
        }
    }
}

/* ---- the friendly REPL */

/* indentation for the line after `last`: its own, plus 4 after a ':' */
static size_t next_indent(const char *src, size_t len) {
    size_t start = len;
    while (start > 0 && src[start - 1] != '\n') start--;
    size_t ind = 0;
    while (start + ind < len && src[start + ind] == ' ') ind++;
    size_t end = len;
    while (end > start && (src[end - 1] == ' ' || src[end - 1] == '\t')) end--;
    return ind + (end > start && src[end - 1] == ':' ? 4 : 0);
}

static bool blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') return false;
    return true;
}

/* read a whole statement (with continuation lines); returns 0 or a control character */
static int read_statement(mt_vstr_t *src) {
    mt_vstr_t line;
    mt_vstr_init(&line, 80);
    int r = mt_readline(&line, ">>> ");
    if (r != 0) return r;
    src->len = 0;
    mt_vstr_add_strn(src, line.buf, line.len);
    mt_readline_history_add(line.buf, line.len);
    while (!blank(src->buf, src->len) && mt_parse_is_incomplete(src->buf, src->len)) {
        mt_readline_set_indent(next_indent(src->buf, src->len));
        r = mt_readline(&line, "... ");
        if (r == MT_CHAR_CTRL_C) return r;
        if (r != 0) break; /* Ctrl-D or end of input: run what we have */
        mt_vstr_add_byte(src, '\n');
        if (!blank(line.buf, line.len)) {
            mt_vstr_add_strn(src, line.buf, line.len);
            mt_readline_history_add(line.buf, line.len);
        }
    }
    return 0;
}

mt_repl_result_t mt_repl_run(const mt_repl_config_t *cfg, bool *was_raw) {
    *was_raw = false;
    exit_requested = false;
    bool raw = cfg->start_raw;
    if (!raw && !cfg->quiet) mt_repl_print_banner(cfg);
    mt_vstr_t src;
    mt_vstr_init(&src, 256);
    for (;;) {
        if (raw) {
            raw_result_t rr = raw_repl();
            if (rr == RAW_EOF) return MT_REPL_EXIT;
            if (rr == RAW_SOFT_RESET) {
                *was_raw = true;
                return cfg->ctrl_d_exits && exit_requested ? MT_REPL_EXIT : MT_REPL_SOFT_RESET;
            }
            raw = false;
            mt_repl_print_banner(cfg);
            continue;
        }
        int r = read_statement(&src);
        switch (r) {
        case 0:
            if (!blank(src.buf, src.len)) mt_repl_exec(src.buf, src.len, MT_PARSE_SINGLE);
            if (exit_requested) return cfg->ctrl_d_exits ? MT_REPL_EXIT : MT_REPL_SOFT_RESET;
            break;
        case -1: return MT_REPL_EXIT;
        case MT_CHAR_CTRL_A:
            outs("\r\n");
            raw = true;
            break;
        case MT_CHAR_CTRL_B:
            outs("\r\n");
            mt_repl_print_banner(cfg);
            break;
        case MT_CHAR_CTRL_C: outs("\r\n"); break;
        case MT_CHAR_CTRL_D:
            outs("\r\n");
            return cfg->ctrl_d_exits ? MT_REPL_EXIT : MT_REPL_SOFT_RESET;
        case MT_CHAR_CTRL_E: paste_mode(); break;
        }
    }
}

int mt_repl_exit_code(void) {
    return exit_code;
}
