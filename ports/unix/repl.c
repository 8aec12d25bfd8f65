/* The plain host REPL: reads lines from the console (a terminal or a pipe) through the HAL,
 * `>>> ` and `... ` prompts on stderr as CPython writes them, each complete statement compiled
 * in SINGLE mode (expression results are printed as their repr), tracebacks on stderr.
 * A statement is complete when the parser says so and, for a compound statement (def, if,
 * for ...), once a blank line ends it. End of input (Ctrl-D) exits. */
#include "ast.h"
#include "hal.h"
#include "modsys.h"
#include "nlr.h"
#include "state.h"
#include "unix.h"

#define PROMPT_1 ">>> "
#define PROMPT_2 "... "

static const char *const compound_keywords[] = {"if",  "while", "for",   "try",  "with",
                                                "def", "class", "async", "match"};

static bool is_ident_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* does this first line open a compound statement (whose block a blank line ends)? */
static bool starts_compound(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) {
        i++;
    }
    if (i < n && s[i] == '@') {
        return true;
    }
    for (size_t k = 0; k < MT_ARRAY_SIZE(compound_keywords); k++) {
        size_t len = strlen(compound_keywords[k]);
        if (n - i > len && memcmp(s + i, compound_keywords[k], len) == 0 &&
            !is_ident_char(s[i + len])) {
            return true;
        }
    }
    return false;
}

static bool is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
            return false;
        }
    }
    return true;
}

/* append one line (without its '\n') to v; false at end of input with nothing read */
static bool read_line(mt_vstr_t *v, const char *prompt) {
    mt_print_str(&mt_unix_stderr_print, prompt);
    size_t start = v->len;
    for (;;) {
        int c = mt_hal_stdin_read();
        if (c < 0) {
            return v->len > start;
        }
        if (c == '\n') {
            return true;
        }
        mt_vstr_add_byte(v, (uint8_t)c);
    }
}

/* read one complete statement into v (each line ending in '\n'); false at end of input */
static bool read_statement(mt_vstr_t *v) {
    if (!read_line(v, PROMPT_1)) {
        return false;
    }
    size_t first_len = v->len;
    mt_vstr_add_byte(v, '\n');
    if (is_blank(v->buf, first_len)) {
        return true;
    }
    bool compound = starts_compound(v->buf, first_len);
    for (;;) {
        size_t line_start = v->len;
        bool incomplete = mt_parse_is_incomplete(v->buf, v->len);
        if (!incomplete && !compound) {
            return true;
        }
        if (!read_line(v, PROMPT_2)) {
            return true; /* end of input completes what was typed */
        }
        bool blank = is_blank(v->buf + line_start, v->len - line_start);
        mt_vstr_add_byte(v, '\n');
        if (blank && !incomplete) {
            return true;
        }
    }
}

/* run one statement; returns -1 to go on, else the exit status of a SystemExit */
static int run_statement(mt_vstr_t *v) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_exec_str(v->buf, v->len, MT_QSTR_lt_stdin_gt, MT_PARSE_SINGLE, mt_state.main_globals,
                    MT_NULL);
        mt_nlr_pop();
        return -1;
    }
    bool is_exit;
    int status = mt_unix_handle_uncaught(nlr.ret_val, &is_exit);
    return is_exit ? status : -1;
}

/* one prompt: read, run; returns -1 to go on, else the exit status */
static int repl_step(void) {
    mt_vstr_t v;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_vstr_init(&v, 64);
        bool got = read_statement(&v);
        mt_nlr_pop();
        if (!got) {
            mt_print_str(&mt_unix_stderr_print, "\n");
            return 0;
        }
    } else {
        /* Ctrl-C (or MemoryError) while reading: drop the input */
        if (mt_isinstance(nlr.ret_val, &mt_type_KeyboardInterrupt)) {
            mt_print_str(&mt_unix_stderr_print, "\nKeyboardInterrupt\n");
        } else {
            bool is_exit;
            mt_unix_handle_uncaught(nlr.ret_val, &is_exit);
        }
        return -1;
    }
    if (is_blank(v.buf, v.len)) {
        return -1;
    }
    return run_statement(&v);
}

int mt_unix_repl(bool banner) {
    if (banner) {
        mt_printf(&mt_unix_stderr_print,
                  "Mote %s on %s; Python %s language\n"
                  "Type Ctrl-D to exit.\n",
                  MT_VERSION_STRING, MT_CONFIG_PLATFORM, MT_PY_VERSION_STRING);
    }
    for (;;) {
        int status = repl_step();
        if (status >= 0) {
            return status;
        }
    }
}
