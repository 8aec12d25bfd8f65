/* Internal interface of the unix port: what main.c, hal.c, repl.c and file.c share. */
#ifndef MT_UNIX_H
#define MT_UNIX_H

#include "obj.h"

/* hal.c: console set-up (buffering of stdout: line-buffered on a terminal, block-buffered
 * otherwise, none with -u) and the flush the HAL does before stderr output, stdin reads,
 * delays and exit. */
void mt_unix_hal_init(bool unbuffered);
void mt_hal_stdout_flush(void);
bool mt_unix_stdin_is_tty(void);
/* the REPL layer's console: terminal in raw mode (restored at exit and on fatal signals),
 * output \n as \r\n, Ctrl-C at the prompt read as a key */
void mt_unix_console_begin(void);
void mt_unix_console_end(void);

/* repl.c: the plain host REPL over the HAL console; returns the process exit status
 * (0 at end of input, or the code of a SystemExit raised at the prompt). */
int mt_unix_repl(bool banner);

/* file.c: the builtin open() (core/builtins.c calls it): host files, text or binary */
mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw);

/* Where the module loader's files (core/hal.h: mt_hal_stat, open_read, read, close) and open()
 * come from: the host's file system, unless a board running in this program installs its own
 * (the virtual ESP8266: its flash and frozen modules). Every function is required; they
 * follow core/hal.h's contract (never raise) and open()'s. */
typedef struct {
    int (*stat)(const char *path);
    int (*open_read)(const char *path);
    long (*read)(int handle, void *buf, size_t n);
    void (*close)(int handle);
    mt_obj_t (*open)(size_t n, const mt_obj_t *args, mt_map_t *kw);
} mt_unix_files_t;
extern const mt_unix_files_t *mt_unix_files; /* hal.c; NULL: the host's */

/* main.c: a sink writing to stderr (tracebacks, prompts) */
extern const mt_print_t mt_unix_stderr_print;

/* main.c: print an uncaught exception to stderr and give the exit status it implies
 * (SystemExit: its code; KeyboardInterrupt: 130 after printing; else 1). Sets *is_exit
 * for SystemExit (whose code is printed to stderr only when it is not an int/None). */
int mt_unix_handle_uncaught(mt_obj_t exc, bool *is_exit);

#endif
