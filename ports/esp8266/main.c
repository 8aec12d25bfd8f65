/* The firmware's main. By default it is the board (board.c): boot, the file system on the
 * flash, the REPL on the console, resets, until the console's input ends.
 *
 * With the argument --run (qemu ... -semihosting-config enable=on,arg=mote,arg=--run), as
 * the test runner starts it, it runs one program instead: the program text arrives on the
 * console (semihosting stdin) and is compiled as it streams in, never held whole; then it
 * runs, printing to the console. An uncaught exception prints its traceback on stderr.
 * The exit status goes back to the host through semihosting: 0, 1 after an uncaught
 * exception, a SystemExit's code, or 99 if the C stack overflowed.
 *
 * --mem (alone, or after --run) runs a program the same way and also reports the heap free
 * after start-up and, at the end, the deepest C stack use. */
#include <string.h>

#include "obj.h"
#include "ast.h"
#include "gc.h"
#include "hal.h"
#include "nlr.h"
#include "state.h"
#include "esp8266.h"
#include "sys.h"

static uint8_t heap[MT_CONFIG_HEAP_SIZE] __attribute__((aligned(16)));

static void stdout_sink(void *data, const char *s, size_t n) {
    mt_hal_stdout_write(s, n);
}
static void stderr_sink(void *data, const char *s, size_t n) {
    mt_hal_stderr_write(s, n);
}
static const mt_print_t print_out = {NULL, stdout_sink};
static const mt_print_t print_err = {NULL, stderr_sink};

static int read_console(void *data) {
    return mt_hal_stdin_read();
}
static void close_console(void *data) {}

/* the exit status an uncaught exception implies, after printing it */
static int uncaught(mt_obj_t exc) {
    if (!mt_isinstance(exc, &mt_type_SystemExit)) {
        mt_exc_print_traceback(&print_err, exc);
        return 1;
    }
    size_t n;
    mt_obj_t *args;
    mt_get_array(mt_load_attr(exc, MT_QSTR_args), &n, &args);
    if (n == 0 || args[0] == MT_NONE) return 0;
    if (mt_obj_is_int(args[0])) return (int)mt_obj_get_int(args[0]);
    mt_printf(&print_err, "%O\n", args[0]);
    return 1;
}

static int run_console(void) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_reader_t reader = {NULL, read_console, close_console};
        mt_obj_t fun =
            mt_compile(&reader, MT_QSTR_lt_stdin_gt, MT_PARSE_FILE, mt_state.main_globals);
        mt_exec_compiled(fun, MT_NULL);
        mt_nlr_pop();
        return 0;
    }
    int status = 1;
    if (mt_nlr_push(&nlr) == 0) {
        status = uncaught(nlr.ret_val);
        mt_nlr_pop();
    }
    return status;
}

static void report_heap(void) {
    mt_gc_info_t info;
    mt_gc_info(&info);
    mt_printf(&print_out, "lx106: heap %u bytes, %u free after start-up; static DRAM %u bytes\n",
              (unsigned)info.total, (unsigned)info.free, (unsigned)sys_dram_static());
}

static void report_stack(void) {
    mt_gc_info_t info;
    mt_gc_info(&info);
    mt_printf(&print_out, "lx106: peak heap use %u bytes; C stack %u of %u bytes used\n",
              (unsigned)info.peak_used, (unsigned)sys_stack_used(), (unsigned)sys_stack_size());
}

static bool has_arg(int argc, char **argv, const char *arg) {
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], arg) == 0) return true;
    return false;
}

int main(int argc, char **argv) {
    bool report = has_arg(argc, argv, "--mem");
    if (!report && !has_arg(argc, argv, "--run")) {
        int status = mt_esp_board_main(heap, sizeof heap);
        mt_hal_stdout_flush();
        return status;
    }
    mt_init(heap, sizeof heap, sys_stack_top(), MT_CONFIG_STACK_LIMIT);
    if (report) report_heap();
    int status = run_console();
    if (report) report_stack();
    mt_hal_stdout_flush();
    if (sys_stack_overflowed()) {
        static const char msg[] = "FATAL: C stack overflow\n";
        mt_hal_stderr_write(msg, sizeof msg - 1);
        return 99;
    }
    return status;
}
