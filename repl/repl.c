/* The friendly REPL, paste mode, the raw REPL and raw-paste mode: byte for byte what
 * ../shared/PROTOCOLS.md lists, so terminals and file tools (pyboard.py, mpremote, ampy,
 * rshell, Thonny) work unchanged. */
#include "exc.h"
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
    mt_exc_clear_traceback(mt_state.kbd_exc); /* preallocated: the last Ctrl-C's is there */
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

/* Program text received by paste mode, the raw REPL and raw-paste. When the heap can't hold
 * it (a 100 KB paste on the chip, a full or locked heap) the text is dropped, the rest is
 * read and thrown away, and the end of the program reports the error instead of running it:
 * the prompt and the framing the tools expect stay whole. */
typedef struct {
    mt_vstr_t v;    /* its buffer is allocated at the first byte */
    mt_obj_t error; /* MT_NULL, or the exception that stopped the text */
} prog_t;

static void prog_reset(prog_t *p) {
    p->v.len = 0;
    p->error = MT_NULL;
}

static bool prog_empty(const prog_t *p) {
    return p->v.len == 0 && p->error == MT_NULL;
}

static void prog_add(prog_t *p, int c) {
    mt_vstr_t *v = &p->v;
    if (p->error != MT_NULL) return;
    if (v->len + 2 <= v->alloc) { /* room without growing (a NUL's room kept, as vstr does) */
        v->buf[v->len++] = (char)c;
        return;
    }
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_vstr_add_byte(v, (uint8_t)c);
        mt_nlr_pop();
    } else {
        p->error = nlr.ret_val;
        mt_vstr_clear(v); /* the heap back, for the report */
    }
}

/* run it; returns the exception that escaped or why the text could not be kept */
static mt_obj_t prog_run(prog_t *p) {
    if (p->error != MT_NULL) return p->error;
    return exec_catch(p->v.len ? p->v.buf : "", p->v.len, MT_PARSE_FILE);
}

/* the raw REPL's framing of a run: stdout, \x04, traceback, \x04 */
static void raw_run(prog_t *p) {
    mt_obj_t exc = prog_run(p);
    outs("\x04");
    if (exc != MT_NULL) mt_exc_print_traceback(&console, exc);
    outs("\x04");
}

/* ---- paste mode (Ctrl-E) */

static void paste_mode(void) {
    outs("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    prog_t p = {{0, 0, NULL}, MT_NULL};
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
            prog_add(&p, '\n');
            outs("\r\n=== ");
            continue;
        }
        char ch = (char)c;
        prog_add(&p, c);
        mt_hal_stdout_write(&ch, 1);
    }
    outs("\r\n");
    mt_obj_t exc = prog_run(&p);
    if (exc != MT_NULL) mt_exc_print_traceback(&console, exc);
}

/* ---- the raw REPL */

/* raw-paste: flow-controlled upload; the program ends with Ctrl-D */
static void raw_paste(prog_t *p) {
    char hdr[5] = {'R', 1, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8, 1};
    mt_hal_stdout_write(hdr, sizeof hdr);
    size_t consumed = 0;
    prog_reset(p);
    for (;;) {
        int c = mt_hal_stdin_read();
        if (c < 0 || c == MT_CHAR_CTRL_C) { /* abort: tell the tool, run nothing */
            outs("\x04");
            prog_reset(p);
            return;
        }
        if (c == MT_CHAR_CTRL_D) break;
        prog_add(p, c);
        if (++consumed == RAW_PASTE_WINDOW) { /* one more window of credit */
            outs("\x01");
            consumed = 0;
        }
    }
    outs("\x04");
    raw_run(p); /* the usual framing, without the OK */
    prog_reset(p);
}

typedef enum { RAW_TO_FRIENDLY, RAW_SOFT_RESET, RAW_EOF } raw_result_t;

#define NO_BYTE (-2)

/* Ctrl-E on an empty program: raw-paste when `A` Ctrl-A follow. Returns a byte read that is
 * not part of that request, to be handled as the next byte (so a Ctrl-C or Ctrl-B right
 * after a stray Ctrl-E keeps its meaning), or NO_BYTE. */
static int raw_ctrl_e(prog_t *p) {
    int a = mt_hal_stdin_read();
    if (a != 'A') return a;
    int b = mt_hal_stdin_read();
    if (b != MT_CHAR_CTRL_A) {
        prog_add(p, a); /* the `A` is program text */
        return b;
    }
    raw_paste(p);
    if (!exit_requested) outs(">");
    return NO_BYTE;
}

static raw_result_t raw_repl(void) {
    outs("raw REPL; CTRL-B to exit\r\n>");
    prog_t p = {{0, 0, NULL}, MT_NULL};
    int back = NO_BYTE; /* a byte raw_ctrl_e read ahead */
    for (;;) {
        int c = back != NO_BYTE ? back : mt_hal_stdin_read();
        back = NO_BYTE;
        switch (c) {
        case -1: return RAW_EOF;
        case MT_CHAR_CTRL_A:
            prog_reset(&p);
            outs("\r\nraw REPL; CTRL-B to exit\r\n>");
            break;
        case MT_CHAR_CTRL_B: outs("\r\n"); return RAW_TO_FRIENDLY;
        case MT_CHAR_CTRL_C: prog_reset(&p); break;
        case MT_CHAR_CTRL_D:
            if (prog_empty(&p)) return RAW_SOFT_RESET;
            outs("OK");
            raw_run(&p);
            if (exit_requested) return RAW_SOFT_RESET;
            outs(">");
            prog_reset(&p);
            break;
        case MT_CHAR_CTRL_E:
            if (!prog_empty(&p)) {
                prog_add(&p, c);
                break;
            }
            back = raw_ctrl_e(&p);
            if (exit_requested) return RAW_SOFT_RESET;
            break;
        default: prog_add(&p, c); break;
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

/* Does src need more lines? `blanks`: the blank lines src ends with. Once src is incomplete
 * with two blank lines at its end, an unclosed bracket or string keeps it open, which more
 * blank lines can't close: *open is set and src is not scanned again until a line with text
 * comes (each scan reads all of src: many blank lines would cost quadratic time). */
static bool needs_more(const mt_vstr_t *src, size_t blanks, bool *open) {
    if (*open) return true;
    if (blank(src->buf, src->len) || !mt_parse_is_incomplete(src->buf, src->len)) return false;
    *open = blanks >= 2;
    return true;
}

/* read a whole statement (with continuation lines) into src, each line through `line`;
 * returns 0 or a control character */
static int read_lines(mt_vstr_t *src, mt_vstr_t *line) {
    int r = mt_readline(line, ">>> ");
    if (r != 0) return r;
    src->len = 0;
    mt_vstr_add_strn(src, line->buf, line->len);
    mt_readline_history_add(line->buf, line->len);
    size_t blanks = 0;
    bool open = false;
    while (needs_more(src, blanks, &open)) {
        mt_readline_set_indent(next_indent(src->buf, src->len));
        r = mt_readline(line, "... ");
        if (r == MT_CHAR_CTRL_C) return r;
        if (r != 0) break; /* Ctrl-D or end of input: run what we have */
        mt_vstr_add_byte(src, '\n');
        if (blank(line->buf, line->len)) {
            blanks++;
            continue;
        }
        blanks = 0, open = false;
        mt_vstr_add_strn(src, line->buf, line->len);
        mt_readline_history_add(line->buf, line->len);
    }
    return 0;
}

#define READ_AGAIN (-2) /* nothing to do: prompt again */

/* The line buffer is freed at once, not left to a stale pointer while the statement runs.
 * When the heap can't even give it (full, or locked by micropython.heap_lock()), each key
 * gets the error and only the control keys work (Ctrl-D soft-resets, Ctrl-A enters the raw
 * REPL ...): one key read per try, so the REPL never spins without reading. */
static int read_statement(mt_vstr_t *src) {
    mt_vstr_t line;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_vstr_init(&line, 80);
        mt_nlr_pop();
    } else {
        mt_exc_print_traceback(&console, nlr.ret_val);
        int c = mt_hal_stdin_read();
        return c < 0 ? -1 : c >= MT_CHAR_CTRL_A && c <= MT_CHAR_CTRL_E ? c : READ_AGAIN;
    }
    int r = read_lines(src, &line);
    mt_vstr_clear(&line);
    return r;
}

/* An exception while reading a statement (the heap full: the history, a long statement)
 * drops the statement and is reported; the prompt comes back. A SystemExit goes on: it is a
 * board's reset delivered at the prompt (the RST pin, machine/boot.c). */
static int read_guarded(mt_vstr_t *src) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        int r = read_statement(src);
        mt_nlr_pop();
        return r;
    }
    if (mt_exc_match(nlr.ret_val, MT_OBJ_FROM_PTR(&mt_type_SystemExit))) mt_nlr_jump(nlr.ret_val);
    outs("\r\n");
    mt_exc_print_traceback(&console, nlr.ret_val);
    return READ_AGAIN;
}

mt_repl_result_t mt_repl_run(const mt_repl_config_t *cfg, bool *was_raw) {
    *was_raw = false;
    exit_requested = false;
    bool raw = cfg->start_raw;
    if (!raw && !cfg->quiet) mt_repl_print_banner(cfg);
    mt_vstr_t src;
    mt_vstr_init(&src, 32); /* grows to the longest statement (it lives as long as the REPL) */
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
        int r = read_guarded(&src);
        switch (r) {
        case 0:
            if (!blank(src.buf, src.len)) mt_repl_exec(src.buf, src.len, MT_PARSE_SINGLE);
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
        /* SystemExit from a statement or a paste */
        if (exit_requested) return cfg->ctrl_d_exits ? MT_REPL_EXIT : MT_REPL_SOFT_RESET;
    }
}

int mt_repl_exit_code(void) {
    return exit_code;
}
