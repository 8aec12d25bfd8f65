/* The line editor: VT100/xterm keys, history, auto-indent, tab completion.
 *
 * The line lives in the caller's vstr; the cursor is a byte offset that always sits on a
 * UTF-8 character boundary. Output is written so that the terminal's cursor follows: after
 * an edit the tail of the line is rewritten and the cursor moved back with ESC[nD.
 * History entries are str objects in a static ring registered as a GC root. */
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "repl.h"
#include "state.h"

#ifndef MT_CONFIG_REPL_HISTORY
#define MT_CONFIG_REPL_HISTORY 8
#endif

static mt_obj_t history[MT_CONFIG_REPL_HISTORY]; /* newest first */
static size_t pending_indent;

typedef struct {
    mt_vstr_t *line;
    size_t cursor;
    int hist_pos;  /* -1: editing the new line */
    bool overflow; /* input beyond MT_REPL_LINE_MAX was dropped */
    const char *prompt;
} ed_t;

static void out(const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}
static void outs(const char *s) {
    out(s, strlen(s));
}

/* call after every mt_init: a new heap has a new root table */
void mt_readline_init(void) {
    memset(history, 0, sizeof(history));
    mt_gc_add_root(history, MT_CONFIG_REPL_HISTORY);
    pending_indent = 0;
}

void mt_readline_set_indent(size_t n) {
    pending_indent = n;
}

void mt_readline_history_add(const char *s, size_t n) {
    if (n == 0) return;
    if (history[0] != MT_NULL) {
        size_t hn;
        const char *h = mt_str_data(history[0], &hn);
        if (hn == n && memcmp(h, s, n) == 0) return; /* no duplicate of the last entry */
    }
    memmove(history + 1, history, sizeof(history) - sizeof(history[0]));
    history[0] = mt_str_new(s, n);
}

/* ---- terminal output helpers */

static void cursor_left(size_t n) {
    if (n == 0) return;
    char buf[16];
    int k = 0;
    size_t v = n;
    char digits[12];
    int nd = 0;
    do digits[nd++] = (char)('0' + v % 10), v /= 10;
    while (v);
    buf[k++] = 27, buf[k++] = '[';
    while (nd) buf[k++] = digits[--nd];
    buf[k++] = 'D';
    out(buf, (size_t)k);
}

/* columns between two byte offsets: one per code point */
static size_t columns(const char *s, size_t from, size_t to) {
    size_t c = 0;
    for (size_t i = from; i < to; i++) c += ((uint8_t)s[i] & 0xc0) != 0x80;
    return c;
}

/* rewrite from the cursor to the end (plus `erase` blanks), then put the cursor back */
static void redraw_tail(ed_t *e, size_t erase) {
    mt_vstr_t *l = e->line;
    out(l->buf + e->cursor, l->len - e->cursor);
    for (size_t i = 0; i < erase; i++) out(" ", 1);
    cursor_left(columns(l->buf, e->cursor, l->len) + erase);
}

static void redraw_all(ed_t *e) {
    outs("\r\n");
    outs(e->prompt);
    out(e->line->buf, e->line->len);
    cursor_left(columns(e->line->buf, e->cursor, e->line->len));
}

/* ---- editing */

static void insert(ed_t *e, const char *s, size_t n) {
    mt_vstr_t *l = e->line;
    if (l->len + n > MT_REPL_LINE_MAX) {
        e->overflow = true;
        return;
    }
    mt_vstr_extend(l, n);
    memmove(l->buf + e->cursor + n, l->buf + e->cursor, l->len - n - e->cursor);
    memcpy(l->buf + e->cursor, s, n);
    out(s, n);
    e->cursor += n;
    if (e->cursor < l->len) redraw_tail(e, 0);
}

static size_t prev_char(const ed_t *e, size_t pos) {
    if (pos == 0) return 0;
    do pos--;
    while (pos > 0 && ((uint8_t)e->line->buf[pos] & 0xc0) == 0x80);
    return pos;
}

static size_t next_char(const ed_t *e, size_t pos) {
    size_t n = e->line->len;
    if (pos >= n) return n;
    do pos++;
    while (pos < n && ((uint8_t)e->line->buf[pos] & 0xc0) == 0x80);
    return pos;
}

static void delete_range(ed_t *e, size_t from, size_t to) {
    mt_vstr_t *l = e->line;
    size_t cols = columns(l->buf, from, to);
    if (e->cursor > from) cursor_left(columns(l->buf, from, e->cursor));
    memmove(l->buf + from, l->buf + to, l->len - to);
    l->len -= to - from;
    e->cursor = from;
    redraw_tail(e, cols);
}

static void move_to(ed_t *e, size_t pos) {
    if (pos < e->cursor)
        cursor_left(columns(e->line->buf, pos, e->cursor));
    else
        out(e->line->buf + e->cursor, pos - e->cursor);
    e->cursor = pos;
}

/* replace the whole line (history) */
static void set_line(ed_t *e, const char *s, size_t n) {
    move_to(e, 0);
    e->line->len = 0;
    mt_vstr_add_strn(e->line, s, n);
    out(s, n);
    outs("\x1b[K");
    e->cursor = n;
}

static void history_step(ed_t *e, int dir) {
    int pos = e->hist_pos + dir;
    if (pos < -1 || pos >= MT_CONFIG_REPL_HISTORY) return;
    if (pos >= 0 && history[pos] == MT_NULL) return;
    e->hist_pos = pos;
    if (pos == -1) {
        set_line(e, "", 0);
        return;
    }
    size_t n;
    const char *s = mt_str_data(history[pos], &n);
    set_line(e, s, n);
}

static bool only_spaces(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') return false;
    return true;
}

/* Completion can run user code (properties, __getattr__, __dir__): it runs as REPL code does,
 * so Ctrl-C interrupts it, and any exception it raises means no completion. The line is then
 * redrawn (completion may have printed before raising). */
static mt_obj_t complete(const char *s, size_t n, bool *printed) {
    mt_nlr_buf_t nlr;
    mt_repl_code_running = true;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t ins = mt_repl_complete(s, n, printed);
        if (mt_pending) mt_handle_pending(); /* a Ctrl-C that came just at the end */
        mt_nlr_pop();
        mt_repl_code_running = false;
        return ins;
    }
    mt_repl_code_running = false;
    *printed = true;
    return MT_NEW_QSTR(MT_QSTR_NULL);
}

static void tab(ed_t *e) {
    mt_vstr_t *l = e->line;
    if (only_spaces(l->buf, e->cursor)) { /* indentation */
        insert(e, "    ", 4);
        return;
    }
    bool printed = false;
    mt_obj_t ins = complete(l->buf, e->cursor, &printed);
    size_t n;
    const char *s = mt_str_data(ins, &n);
    if (printed) {
        mt_vstr_extend(l, n); /* insert without echo, then redraw everything */
        memmove(l->buf + e->cursor + n, l->buf + e->cursor, l->len - n - e->cursor);
        memcpy(l->buf + e->cursor, s, n);
        e->cursor += n;
        redraw_all(e);
    } else if (n) {
        insert(e, s, n);
    }
}

/* an escape sequence: ESC [ params final  or  ESC O final */
static void escape(ed_t *e) {
    int c = mt_hal_stdin_read();
    if (c != '[' && c != 'O') return;
    int param = 0, f;
    /* parameters: digits, ';'-separated (ESC[1;5C): the first one decides */
    bool first = true;
    while (((f = mt_hal_stdin_read()) >= '0' && f <= '9') || f == ';') {
        if (f == ';')
            first = false;
        else if (first && param < 1000) /* no key has a longer one: no overflow either */
            param = param * 10 + (f - '0');
    }
    if (f < 0) return;
    if (f == '~')
        f = param == 1 || param == 7 ? 'H' : param == 4 || param == 8 ? 'F' : param == 3 ? 'X' : 0;
    switch (f) {
    case 'A': history_step(e, 1); break;
    case 'B': history_step(e, -1); break;
    case 'C': move_to(e, next_char(e, e->cursor)); break;
    case 'D': move_to(e, prev_char(e, e->cursor)); break;
    case 'H': move_to(e, 0); break;
    case 'F': move_to(e, e->line->len); break;
    case 'X':
        if (e->cursor < e->line->len) delete_range(e, e->cursor, next_char(e, e->cursor));
        break;
    default: break; /* unknown sequences are ignored */
    }
}

/* handle one key; returns -2 to go on, or the readline result */
static int key(ed_t *e, int c, bool *after_cr) {
    mt_vstr_t *l = e->line;
    bool cr_before = *after_cr;
    *after_cr = false;
    if (c == '\r' || c == '\n') {
        if (c == '\n' && cr_before) return -2; /* the LF of a CRLF */
        *after_cr = c == '\r';
        outs("\r\n");
        return 0;
    }
    if (l->len == 0 &&
        (c == MT_CHAR_CTRL_A || c == MT_CHAR_CTRL_B || c == MT_CHAR_CTRL_D || c == MT_CHAR_CTRL_E))
        return c;
    switch (c) {
    case MT_CHAR_CTRL_C: return c;
    case MT_CHAR_CTRL_A: move_to(e, 0); break;
    case MT_CHAR_CTRL_E: move_to(e, l->len); break;
    case MT_CHAR_CTRL_B: move_to(e, prev_char(e, e->cursor)); break;
    case 6: move_to(e, next_char(e, e->cursor)); break; /* Ctrl-F */
    case MT_CHAR_CTRL_D:
        if (e->cursor < l->len) delete_range(e, e->cursor, next_char(e, e->cursor));
        break;
    case 11: delete_range(e, e->cursor, l->len); break; /* Ctrl-K */
    case 21: delete_range(e, 0, e->cursor); break;      /* Ctrl-U */
    case 14: history_step(e, -1); break;                /* Ctrl-N */
    case 16: history_step(e, 1); break;                 /* Ctrl-P */
    case 8:
    case 127:
        if (e->cursor > 0) {
            size_t from = prev_char(e, e->cursor);
            /* after auto-indent, one backspace removes one indentation level */
            if (only_spaces(l->buf, e->cursor) && e->cursor >= 4 && e->cursor % 4 == 0)
                from = e->cursor - 4;
            delete_range(e, from, e->cursor);
        }
        break;
    case 9: tab(e); break;
    case 27: escape(e); break;
    default:
        if (c >= 0x20) {
            char ch = (char)c;
            insert(e, &ch, 1);
        }
        break; /* other control characters are ignored */
    }
    return -2;
}

int mt_readline(mt_vstr_t *line, const char *prompt) {
    ed_t e = {line, 0, -1, false, prompt};
    static bool after_cr; /* survives between lines: a CRLF's LF belongs to the last line */
    line->len = 0;
    outs(prompt);
    if (pending_indent) {
        char sp[64];
        size_t n = pending_indent < sizeof(sp) ? pending_indent : sizeof(sp);
        memset(sp, ' ', n);
        insert(&e, sp, n);
        pending_indent = 0;
    }
    for (;;) {
        int c = mt_hal_stdin_read();
        if (c < 0) return -1;
        int r = key(&e, c, &after_cr);
        if (r == -2) continue;
        if (r == 0 && e.overflow) {
            outs("line too long: ignored\r\n");
            line->len = 0;
        }
        return r;
    }
}
