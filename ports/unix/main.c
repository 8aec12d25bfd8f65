/* The `mote` command: options, the heap and stack given to the core, running a script, -c
 * code, -m module or the REPL, and the exit status (0; 1 after an uncaught exception; a
 * SystemExit's code; death by SIGINT after an uncaught KeyboardInterrupt, as CPython). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ast.h"
#include "exc.h"
#include "gc.h"
#include "hal.h"
#include "modsys.h"
#include "nlr.h"
#include "repl.h"
#include "runtime.h"
#include "state.h"
#include "types/str.h"
#include "unix.h"
#include "unixboard.h"

#if defined(__x86_64__)
#define MT_UNIX_ARCH "x86_64"
#elif defined(__aarch64__)
#define MT_UNIX_ARCH "aarch64"
#else
#define MT_UNIX_ARCH "unknown CPU"
#endif

/* The C stack the interpreter may use: 3/4 of the process stack limit (raised towards
 * STACK_WANT when the hard limit allows), at most STACK_BUDGET_MAX. The quarter left over is
 * the margin for raising RecursionError and printing its traceback (and for ASan's bigger
 * frames). */
#define STACK_WANT       ((size_t)64 << 20)
#define STACK_BUDGET_MAX ((size_t)8 << 20)
#define HEAP_MIN         ((size_t)8 << 10)

enum { RUN_REPL, RUN_FILE, RUN_STDIN, RUN_CODE, RUN_MODULE };

typedef struct {
    int run;            /* RUN_* */
    const char *target; /* file, code or module name */
    int first_arg;      /* argv index of the program's first argument (sys.argv[1]) */
    bool inspect, quiet, unbuffered, gcstress;
    int opt_level, verbose;
    size_t heap_size;
} options_t;

static const char *prog_name = "mote";

static void stderr_sink(void *data, const char *s, size_t n) {
    mt_hal_stderr_write(s, n);
}

const mt_print_t mt_unix_stderr_print = {NULL, stderr_sink};

static void errorf(const char *fmt, const char *a) {
    char buf[512];
    int n = snprintf(buf, sizeof(buf), fmt, prog_name, a);
    mt_hal_stderr_write(buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* ---- command line ---------------------------------------------------------------------- */

static MT_NORETURN void usage_error(const char *fmt, const char *a) {
    char msg[256];
    snprintf(msg, sizeof(msg), fmt, a);
    fprintf(stderr,
            "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "Try `%s -h' for more information.\n",
            msg, prog_name, prog_name);
    exit(2);
}

static void print_help(void) {
    size_t h = MT_CONFIG_HEAP_SIZE;
    char heap[32];
    if (h % (1 << 20) == 0) {
        snprintf(heap, sizeof(heap), "%zuM", h >> 20);
    } else {
        snprintf(heap, sizeof(heap), "%zuK", h >> 10);
    }
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
           "Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also --help)\n"
           "-i     : inspect interactively (the REPL) after running the program\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-O     : optimize (micropython.opt_level); -OO or -O<n> for higher levels\n"
           "-q     : don't print the banner on interactive start-up\n"
           "-u     : unbuffered standard output\n"
           "-v     : verbose (trace imports)\n"
           "-V     : print the version and exit (also --version)\n"
           "-X opt : implementation-specific option:\n"
           "         -X heapsize=N[K|M]  size of the GC heap in bytes (default %s)\n"
           "         -X emit=bytecode    code emitter (bytecode is the only one)\n"
           "         -X gcstress         collect garbage on every allocation (testing)\n"
           "-B -E -I -s -S : accepted for compatibility with CPython; no effect\n"
           "--board esp8266 [--flash FILE] [--flash-size 1M|2M|4M] [--pty] [--pins PATH]\n"
           "         : the virtual ESP8266 board (see docs/quickstart.md)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n"
           "\n"
           "Environment variables:\n"
           "MOTEPATH : ':'-separated list of directories prefixed to the module search path\n"
           "PYTHONUNBUFFERED : if set, as -u\n",
           prog_name, heap);
}

/* "N", "NK", "NM": bytes; 0 if malformed */
static size_t parse_size(const char *s) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *s == '-') {
        return 0;
    }
    if (*end == 'K' || *end == 'k') {
        v <<= 10, end++;
    } else if (*end == 'M' || *end == 'm') {
        v <<= 20, end++;
    } else if (*end == 'G' || *end == 'g') {
        v <<= 30, end++;
    }
    return *end == '\0' && v <= ((size_t)1 << 40) ? (size_t)v : 0;
}

static void parse_xoption(options_t *o, const char *x) {
    if (strncmp(x, "heapsize=", 9) == 0) {
        o->heap_size = parse_size(x + 9);
        if (o->heap_size < HEAP_MIN) {
            usage_error("-X heapsize: expected a size of at least 8K, like 512K or 16M, got '%s'",
                        x + 9);
        }
    } else if (strncmp(x, "emit=", 5) == 0) {
        if (strcmp(x + 5, "bytecode") != 0) {
            usage_error("-X emit: unsupported emitter '%s' (only bytecode)", x + 5);
        }
    } else if (strcmp(x, "gcstress") == 0) {
        o->gcstress = true;
    } else {
        usage_error("Unknown -X option: %s", x);
    }
}

/* the value of an option letter: the rest of this argument, else the next one */
static const char *option_value(int argc, char **argv, int *i, const char *rest, char letter) {
    if (*rest) {
        return rest;
    }
    if (*i + 1 >= argc) {
        char l[2] = {letter, 0};
        usage_error("Argument expected for the -%s option", l);
    }
    return argv[++*i];
}

static void parse_long_option(const char *a, int argc, char **argv, int *i) {
    if (strcmp(a, "--help") == 0) {
        print_help();
        exit(0);
    }
    if (strcmp(a, "--version") == 0) {
        printf("Mote %s\n", MT_VERSION_STRING);
        exit(0);
    }
    if (strcmp(a, "--board") == 0 || strncmp(a, "--board=", 8) == 0) {
        exit(mt_unix_board_main(argc, argv)); /* the virtual board takes the whole command */
    }
    usage_error("Unknown option: %s", a);
}

/* one group of short options ("-iO", "-cprint(1)"); returns true when it ended the options */
static bool parse_short_group(options_t *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    for (size_t j = 1; a[j]; j++) {
        char c = a[j];
        switch (c) {
        case 'c':
        case 'm':
            o->run = c == 'c' ? RUN_CODE : RUN_MODULE;
            o->target = option_value(argc, argv, i, a + j + 1, c);
            return true;
        case 'X': parse_xoption(o, option_value(argc, argv, i, a + j + 1, c)); return false;
        case 'O':
            if (a[j + 1] >= '0' && a[j + 1] <= '9') {
                o->opt_level = a[++j] - '0';
            } else {
                o->opt_level++;
            }
            break;
        case 'i': o->inspect = true; break;
        case 'q': o->quiet = true; break;
        case 'u': o->unbuffered = true; break;
        case 'v': o->verbose++; break;
        case 'B':
        case 'E':
        case 'I':
        case 's':
        case 'S': break;
        case 'h':
        case '?': print_help(); exit(0);
        case 'V': printf("Mote %s\n", MT_VERSION_STRING); exit(0);
        default: {
            char opt[3] = {'-', c, 0};
            usage_error("Unknown option: %s", opt);
        }
        }
    }
    return false;
}

static void parse_args(options_t *o, int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            break;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            parse_long_option(a, argc, argv, &i);
        } else if (parse_short_group(o, argc, argv, &i)) {
            o->first_arg = i + 1;
            return;
        }
    }
    if (i < argc) {
        o->run = strcmp(argv[i], "-") == 0 ? RUN_STDIN : RUN_FILE;
        o->target = argv[i];
        o->first_arg = i + 1;
    } else {
        o->run = RUN_REPL;
        o->first_arg = argc;
    }
}

/* ---- memory ---------------------------------------------------------------------------- */

static size_t setup_stack(void) {
    struct rlimit rl;
    size_t avail = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0) {
        if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < STACK_WANT) {
            rlim_t want = STACK_WANT;
            if (rl.rlim_max != RLIM_INFINITY && want > rl.rlim_max) {
                want = rl.rlim_max;
            }
            if (want > rl.rlim_cur) {
                rl.rlim_cur = want;
                setrlimit(RLIMIT_STACK, &rl);
                getrlimit(RLIMIT_STACK, &rl);
            }
        }
        avail = rl.rlim_cur == RLIM_INFINITY ? STACK_WANT : (size_t)rl.rlim_cur;
    }
    size_t budget = avail / 4 * 3;
    return budget < STACK_BUDGET_MAX ? budget : STACK_BUDGET_MAX;
}

/* the one region the core's GC owns; untouched pages cost no memory */
static void *map_heap(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        char n[32];
        snprintf(n, sizeof(n), "%zu", size);
        errorf("%s: cannot map a heap of %s bytes\n", n);
        exit(1);
    }
    return p;
}

/* ---- signals --------------------------------------------------------------------------- */

static volatile sig_atomic_t sigint_unhandled;

/* Ctrl-C: KeyboardInterrupt at the VM's next check. With micropython.kbd_intr(-1) (or when
 * three arrive while the interpreter is not polling) the default action applies. */
static void on_sigint(int sig) {
    if (mt_state.interrupt_char != 3 || (mt_pending && ++sigint_unhandled >= 3)) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return;
    }
    if (!mt_pending) {
        sigint_unhandled = 0;
    }
    mt_state.pending_exc = mt_state.kbd_exc;
    mt_pending = 1;
}

static void setup_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR and raises */
    sigaction(SIGINT, &sa, NULL);
}

/* ---- uncaught exceptions ------------------------------------------------------------------ */

/* SystemExit's code as CPython forms it from the arguments: none -> None, one -> it, more ->
 * the tuple */
static mt_obj_t exit_code(mt_obj_t exc) {
    mt_obj_t args = mt_load_attr_maybe(exc, MT_QSTR_args);
    size_t n = 0;
    mt_obj_t *items = NULL;
    if (args != MT_NULL) {
        mt_tuple_get(args, &n, &items);
    }
    return n == 0 ? MT_NONE : n == 1 ? items[0] : args;
}

static int system_exit_status(mt_obj_t exc) {
    mt_obj_t code = exit_code(exc);
    if (code == MT_NONE) {
        return 0;
    }
    mt_int_t v;
    if (mt_obj_is_int(code)) {
        return mt_obj_get_int_maybe(code, &v) ? (int)(v & 0xff) : 255;
    }
    mt_printf(&mt_unix_stderr_print, "%O\n", code);
    return 1;
}

static MT_NORETURN void die_by_sigint(void) {
    mt_hal_stdout_flush();
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
    _exit(130);
}

int mt_unix_handle_uncaught(mt_obj_t exc, bool *is_exit) {
    *is_exit = false;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        int status = 1;
        if (mt_isinstance(exc, &mt_type_SystemExit)) {
            *is_exit = true;
            status = system_exit_status(exc);
        } else {
            mt_exc_print_traceback(&mt_unix_stderr_print, exc);
            if (mt_isinstance(exc, &mt_type_KeyboardInterrupt)) {
                status = 130;
            }
        }
        if (exc == mt_state.kbd_exc || exc == mt_state.memory_error) {
            mt_exc_clear_traceback(exc); /* preallocated: raised again later */
        }
        mt_nlr_pop();
        return status;
    }
    mt_print_str(&mt_unix_stderr_print, "mote: error while reporting an exception\n");
    return 1;
}

/* ---- running ------------------------------------------------------------------------------ */

static mt_obj_t new_str(const char *s) {
    size_t n = strlen(s), charlen;
    if (mt_utf8_validate((const uint8_t *)s, n, &charlen)) {
        return mt_str_new(s, n);
    }
    mt_vstr_t v;
    mt_vstr_init(&v, n);
    for (size_t i = 0; i < n; i++) {
        uint8_t b = (uint8_t)s[i];
        mt_vstr_add_char(&v, b < 0x80 ? b : 0xfffd); /* replace bytes outside ASCII */
    }
    return mt_str_new_from_vstr(&v);
}

static void add_path_dir(mt_obj_t path, const char *dir, size_t n) {
    char buf[4096];
    if (n >= sizeof(buf)) {
        return;
    }
    memcpy(buf, dir, n);
    buf[n] = 0;
    mt_list_append(path, new_str(buf));
}

/* the script's absolute path, as CPython names it in __file__ and tracebacks */
static char script_path[4096];

static void make_script_path(const char *path) {
    char cwd[2048];
    if (path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
        snprintf(script_path, sizeof(script_path), "%s", path);
        return;
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
    }
    snprintf(script_path, sizeof(script_path), "%s/%s", strcmp(cwd, "/") ? cwd : "", path);
}

/* sys.argv, sys.path (the script's directory first, then $MOTEPATH), __main__.__file__ */
static void setup_sys(const options_t *o, int argc, char **argv) {
    if (o->run == RUN_FILE) {
        make_script_path(o->target);
    }
    mt_obj_t args = mt_list_new(0, NULL);
    const char *arg0 = o->run == RUN_CODE ? "-c" : o->run == RUN_MODULE ? "-m" : "";
    mt_list_append(args, new_str(o->run == RUN_FILE || o->run == RUN_STDIN ? o->target : arg0));
    for (int i = o->first_arg; i < argc; i++) {
        mt_list_append(args, new_str(argv[i]));
    }
    mt_state.sys_argv = args;

    mt_obj_t path = mt_list_new(0, NULL);
    char dir[4096] = "";
    if (o->run == RUN_FILE) {
        const char *slash = strrchr(o->target, '/');
        char rel[4096];
        snprintf(rel, sizeof(rel), "%.*s", slash ? (int)(slash - o->target) + 1 : 1,
                 slash ? o->target : ".");
        if (realpath(rel, dir) == NULL) {
            snprintf(dir, sizeof(dir), "%s", rel);
        }
    } else if (o->run == RUN_MODULE && getcwd(dir, sizeof(dir)) == NULL) {
        dir[0] = 0;
    }
    add_path_dir(path, dir, strlen(dir));
    for (const char *e = getenv("MOTEPATH"); e && *e;) {
        const char *colon = strchr(e, ':');
        size_t n = colon ? (size_t)(colon - e) : strlen(e);
        if (n > 0) {
            add_path_dir(path, e, n);
        }
        e = colon ? colon + 1 : e + n;
    }
    mt_state.sys_path = path;

    if (o->run == RUN_FILE) {
        mt_dict_store(mt_state.main_globals, MT_NEW_QSTR(MT_QSTR___file__), new_str(script_path));
    }
}

static MT_NORETURN void cannot_open(void) {
    int e = errno ? errno : ENOENT;
    char msg[4400];
    snprintf(msg, sizeof(msg), "%s: can't open file '%s': [Errno %d] %s\n", prog_name, script_path,
             e, strerror(e));
    mt_hal_stderr_write(msg, strlen(msg));
    exit(2);
}

static int stdin_readbyte(void *data) {
    return mt_hal_stdin_read();
}

static void stdin_close(void *data) {}

/* -m: sys.argv[0] becomes the module's file, found along sys.path as import will find it
 * (CPython does the same); it stays "-m" when there is none */
static void set_module_argv0(const char *name) {
    size_t n_dirs;
    mt_obj_t *dirs;
    mt_list_get(mt_state.sys_path, &n_dirs, &dirs);
    char rel[1024], path[4096];
    snprintf(rel, sizeof(rel), "%s", name);
    for (char *c = rel; *c; c++) {
        *c = *c == '.' ? '/' : *c;
    }
    for (size_t i = 0; i < n_dirs; i++) {
        const char *dir = mt_obj_is_str(dirs[i]) ? mt_obj_str_cstr(dirs[i]) : NULL;
        for (int pkg = 0; dir != NULL && pkg < 2; pkg++) {
            snprintf(path, sizeof(path), "%s%s%s%s", dir, *dir ? "/" : "", rel,
                     pkg ? "/__main__.py" : ".py");
            if (mt_hal_stat(path) == 1) {
                mt_list_get(mt_state.sys_argv, &n_dirs, &dirs);
                dirs[0] = new_str(path);
                return;
            }
        }
    }
}

static void run_program(const options_t *o) {
    mt_reader_t r;
    switch (o->run) {
    case RUN_CODE:
        mt_exec_str(o->target, strlen(o->target), MT_QSTR_lt_string_gt, MT_PARSE_FILE,
                    mt_state.main_globals, MT_NULL);
        break;
    case RUN_MODULE:
        set_module_argv0(o->target);
        mt_run_main_module(o->target);
        break;
    case RUN_FILE:
    case RUN_STDIN:
        if (o->run == RUN_STDIN) {
            r.data = NULL;
            r.readbyte = stdin_readbyte;
            r.close = stdin_close;
        } else if (!mt_reader_new_file(&r, o->target)) {
            cannot_open();
        }
        mt_qstr_t name = mt_qstr_from_str(o->run == RUN_STDIN ? "<stdin>" : script_path);
        mt_obj_t fun = mt_compile(&r, name, MT_PARSE_FILE, mt_state.main_globals);
        mt_exec_compiled(fun, MT_NULL);
        break;
    }
}

/* report an exception that ended the program; with -i a SystemExit is only reported (as
 * CPython does) and the REPL follows */
static int report(mt_obj_t exc, bool inspect, bool *is_exit) {
    if (inspect && mt_isinstance(exc, &mt_type_SystemExit)) {
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            mt_exc_print_traceback(&mt_unix_stderr_print, exc);
            mt_nlr_pop();
        }
        *is_exit = false;
        return 1;
    }
    int status = mt_unix_handle_uncaught(exc, is_exit);
    if (status == 130 && !*is_exit && !inspect) {
        die_by_sigint();
    }
    return status;
}

/* the heap and stack as main set them up, for a soft reset */
static struct {
    void *heap;
    size_t heap_size, stack_budget;
    char *stack_top;
} machine;

/* a fresh interpreter: what a soft reset (Ctrl-D in the raw REPL) gives */
static void soft_reset(const options_t *o, int argc, char **argv) {
    mt_init(machine.heap, machine.heap_size, machine.stack_top, machine.stack_budget);
    mt_state.opt_level = o->opt_level;
    mt_state.verbose = o->verbose;
    mt_state.interrupt_char = 3;
    setup_sys(o, argc, argv);
}

/* the REPL of the repl/ layer on a terminal: line editing, history, completion, paste
 * mode, raw REPL. Ctrl-D on an empty line exits; a soft reset from the raw REPL restarts
 * the interpreter as a board would. */
static int console_repl(const options_t *o, int argc, char **argv, bool banner) {
    mt_repl_config_t cfg = {.machine = "linux with " MT_UNIX_ARCH, .ctrl_d_exits = true};
    mt_unix_console_begin();
    mt_readline_init();
    for (;;) {
        bool was_raw;
        cfg.quiet = !banner;
        mt_repl_result_t r = mt_repl_run(&cfg, &was_raw);
        if (r == MT_REPL_EXIT) break;
        mt_hal_stdout_write("MPY: soft reboot\r\n", 18);
        soft_reset(o, argc, argv);
        mt_readline_init();
        cfg.start_raw = was_raw;
        banner = true;
    }
    mt_unix_console_end();
    return mt_repl_exit_code();
}

/* the program, then (with -i or with no program) the REPL: the process exit status */
static int run(const options_t *o, int argc, char **argv) {
    int status = 0;
    bool is_exit = false;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        setup_sys(o, argc, argv);
        if (o->run != RUN_REPL) {
            run_program(o);
        }
        mt_nlr_pop();
    } else {
        status = report(nlr.ret_val, o->inspect, &is_exit);
    }
    if ((o->run == RUN_REPL || o->inspect) && mt_unix_stdin_is_tty() && isatty(1)) {
        status = console_repl(o, argc, argv, o->run == RUN_REPL && !o->quiet);
    } else if (o->run == RUN_REPL || o->inspect) {
        status = mt_unix_repl(o->run == RUN_REPL && !o->quiet);
    }
    return status;
}

int main(int argc, char **argv) {
    char *stack_top = mt_hal_stack_pointer();
    options_t o = {.heap_size = MT_CONFIG_HEAP_SIZE};
    if (argc > 0 && argv[0][0]) {
        const char *slash = strrchr(argv[0], '/');
        prog_name = slash ? slash + 1 : argv[0];
    }
    parse_args(&o, argc, argv);
    if (o.run == RUN_REPL && !o.inspect && !mt_unix_stdin_is_tty()) {
        o.run = RUN_STDIN; /* like CPython: piped stdin is a script; -i gives the REPL */
        o.target = "";
    }
    mt_unix_hal_init(o.unbuffered);
    size_t stack_budget = setup_stack();
    void *heap = map_heap(o.heap_size);
    machine.heap = heap;
    machine.heap_size = o.heap_size;
    machine.stack_top = stack_top;
    machine.stack_budget = stack_budget;
    mt_init(heap, o.heap_size, stack_top, stack_budget);
    mt_state.opt_level = o.opt_level;
    mt_state.verbose = o.verbose;
    mt_state.interrupt_char = 3;
    if (o.gcstress) {
        mt_gc_set_stress(true);
    }
    setup_signals();
    int status = run(&o, argc, argv);
    mt_deinit();
    mt_hal_stdout_flush();
    return status;
}
