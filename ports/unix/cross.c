/* mote-cross: compile Python source to a precompiled bytecode file (.mpy), with the same
 * compiler as `mote`. Linked with every object of `mote` except ports/unix/main.o.
 *
 *   mote-cross [-o OUT.mpy] [-O[N]|-OO..] [-march=host|lx106] [-msmall-int-bits=N] FILE.py
 *
 * The root Makefile compiles every .c of ports/unix into `mote`; without MT_CROSS_MAIN this file
 * is empty there. */
#ifdef MT_CROSS_MAIN /* only the mote-cross build (ports/unix/cross.mk) compiles this file */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ast.h"
#include "exc.h"
#include "hal.h"
#include "nlr.h"
#include "persist.h"
#include "runtime.h"
#include "state.h"
#include "unix.h"

#define CROSS_HEAP  ((size_t)64 << 20)
#define CROSS_STACK ((size_t)4 << 20)

static void stderr_sink(void *data, const char *s, size_t n) {
    fwrite(s, 1, n, stderr);
}

/* the unix port's other files use these two from main.c, which mote-cross does not link */
const mt_print_t mt_unix_stderr_print = {NULL, stderr_sink};

int mt_unix_handle_uncaught(mt_obj_t exc, bool *is_exit) {
    *is_exit = false;
    mt_exc_print_traceback(&mt_unix_stderr_print, exc);
    return 1;
}

typedef struct {
    const char *in, *out;
    int opt_level, int_bits;
} options_t;

static MT_NORETURN void usage(const char *msg) {
    if (msg) fprintf(stderr, "mote-cross: %s\n", msg);
    fprintf(stderr, "usage: mote-cross [-o OUT.mpy] [-O[N]] [-march=host|lx106] "
                    "[-msmall-int-bits=31..63] FILE.py\n");
    exit(2);
}

static void parse_option(options_t *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    if (strcmp(a, "-o") == 0) {
        if (++*i >= argc) usage("-o needs a file name");
        o->out = argv[*i];
    } else if (strncmp(a, "-O", 2) == 0) {
        if (a[2] >= '0' && a[2] <= '9')
            o->opt_level = atoi(a + 2);
        else
            o->opt_level = (int)strlen(a) - 1; /* -O, -OO, ... */
    } else if (strcmp(a, "-march=lx106") == 0 || strcmp(a, "-march=xtensa") == 0) {
        o->int_bits = 31;
    } else if (strcmp(a, "-march=host") == 0) {
        o->int_bits = MT_PERSIST_NATIVE_INT_BITS;
    } else if (strncmp(a, "-msmall-int-bits=", 17) == 0) {
        o->int_bits = atoi(a + 17);
        if (o->int_bits < 31 || o->int_bits > 63) usage("small-int bits must be 31..63");
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
        usage(NULL);
    } else {
        fprintf(stderr, "mote-cross: unknown option %s\n", a);
        usage(NULL);
    }
}

/* FILE.py -> FILE.mpy */
static const char *default_output(const char *in) {
    static char out[4096];
    size_t n = strlen(in);
    if (n > 3 && strcmp(in + n - 3, ".py") == 0) n -= 3;
    if (n + 5 > sizeof(out)) usage("file name too long");
    memcpy(out, in, n);
    strcpy(out + n, ".mpy");
    return out;
}

static int compile_file(const options_t *o) {
    mt_reader_t r;
    if (!mt_reader_new_file(&r, o->in)) {
        fprintf(stderr, "mote-cross: can't open %s\n", o->in);
        return 1;
    }
    mt_parser_t *p = mt_parser_new(&r, mt_qstr_from_str(o->in), MT_PARSE_FILE);
    mt_code_t *code = mt_compile_module(p, mt_qstr_from_str(o->in), MT_PARSE_FILE);
    mt_parser_free(p);
    mt_vstr_t v;
    mt_vstr_init(&v, 1024);
    mt_persist_save(code, o->int_bits, &v);
    /* the compiler's output must pass the loader's verifier: a file that fails is not written */
    mt_persist_load((const uint8_t *)v.buf, v.len);
    FILE *f = fopen(o->out, "wb");
    if (f == NULL || fwrite(v.buf, 1, v.len, f) != v.len || fclose(f) != 0) {
        fprintf(stderr, "mote-cross: can't write %s\n", o->out);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    char *stack_top = mt_hal_stack_pointer();
    options_t o = {NULL, NULL, 0, MT_PERSIST_NATIVE_INT_BITS};
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            parse_option(&o, argc, argv, &i);
        else if (o.in == NULL)
            o.in = argv[i];
        else
            usage("only one input file");
    }
    if (o.in == NULL) usage("no input file");
    if (o.out == NULL) o.out = default_output(o.in);
    void *heap = mmap(NULL, CROSS_HEAP, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (heap == MAP_FAILED) return 1;
    mt_unix_hal_init(false);
    mt_init(heap, CROSS_HEAP, stack_top, CROSS_STACK);
    mt_state.opt_level = o.opt_level;
    int status;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        status = compile_file(&o);
        mt_nlr_pop();
    } else {
        bool is_exit;
        status = mt_unix_handle_uncaught(nlr.ret_val, &is_exit);
    }
    mt_deinit();
    return status;
}
#else
typedef int mt_cross_unused_t; /* ISO C: no empty translation unit */
#endif
