/* The REPL layer: MicroPython's console experience over the console HAL (mt_hal_stdin_read,
 * mt_hal_stdout_write), the same on a host terminal, a PTY, a pipe, the chip's UART and a
 * WebSocket. See ../shared/PROTOCOLS.md for the bytes the tools depend on.
 *
 *   readline.c  line editing over VT100 keys, history, auto-indent, completion hook
 *   complete.c  tab completion of names and attributes
 *   repl.c      friendly REPL, paste mode, raw REPL, raw-paste
 */
#ifndef MT_REPL_H
#define MT_REPL_H

#include "ast.h"
#include "obj.h"

#define MT_CHAR_CTRL_A 1
#define MT_CHAR_CTRL_B 2
#define MT_CHAR_CTRL_C 3
#define MT_CHAR_CTRL_D 4
#define MT_CHAR_CTRL_E 5

/* the longest line the editor keeps; longer input is truncated with a message */
#define MT_REPL_LINE_MAX 4096

/* ---- readline */
/* Read one line into line (without the newline), echoing and editing. Returns 0 when Enter
 * ended the line, or a control character: Ctrl-A, Ctrl-B, Ctrl-D or Ctrl-E typed on an empty
 * line, Ctrl-C anywhere (the line is then cleared), or -1 at the end of input. */
int mt_readline(mt_vstr_t *line, const char *prompt);
/* text to put on the next line before the user types (auto-indent) */
void mt_readline_set_indent(size_t n_spaces);
void mt_readline_history_add(const char *line, size_t len);
void mt_readline_init(void); /* after every mt_init (start, soft reset): empty history */

/* ---- completion: complete s[0..len) (the text left of the cursor); returns the text to
 * insert (may be empty); prints the candidates on their own lines when there are several
 * (and then *printed is set, so the editor redraws its line). */
mt_obj_t mt_repl_complete(const char *s, size_t len, bool *printed);

/* ---- the REPL */
typedef enum { MT_REPL_EXIT = 0, MT_REPL_SOFT_RESET = 1 } mt_repl_result_t;

typedef struct {
    const char *machine; /* for the banner: "linux [GCC 12] with x86_64", "ESP module ..." */
    bool ctrl_d_exits;   /* host terminal: Ctrl-D on an empty line ends; board: soft reset */
    bool start_raw;      /* come back in raw mode (after a soft reset requested from it) */
    bool quiet;          /* no banner at start (-q) */
} mt_repl_config_t;

/* Run until the user asks for exit/soft reset; *was_raw tells whether the request came from
 * the raw REPL (the caller then restarts in raw mode). */
mt_repl_result_t mt_repl_run(const mt_repl_config_t *cfg, bool *was_raw);
void mt_repl_print_banner(const mt_repl_config_t *cfg);

/* the code of the SystemExit that ended the REPL (0 if none) */
int mt_repl_exit_code(void);

/* run source text the way the REPL does; returns false if an exception escaped (its
 * traceback was printed) */
bool mt_repl_exec(const char *src, size_t len, mt_parse_mode_t mode);

/* set while user code runs from the REPL: the port turns Ctrl-C on the console into a
 * KeyboardInterrupt then (mt_state.interrupt_char) instead of queueing the byte */
extern volatile bool mt_repl_code_running;

#endif
