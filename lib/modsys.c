/* The sys module: argv, path and modules (live in mt_state, served by the module's attr
 * hook), the standard streams (const objects over the HAL console), version information,
 * exit(), exc_info(), exception() and MicroPython's print_exception(). */
#include "hal.h"
#include "modsys.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "types/str.h"

#ifndef MT_CONFIG_MACHINE
#define MT_CONFIG_MACHINE MT_CONFIG_PLATFORM " [GCC " __VERSION__ "]"
#endif

/* sys.platform: the port's, unless a board running in this program names its chip */
const char *mt_sys_platform = MT_CONFIG_PLATFORM;

/* The port flushes its console buffer here; a port without one needs nothing. */
__attribute__((weak)) void mt_hal_stdout_flush(void) {}

static mt_obj_t intern_cstr(const char *s) {
    return mt_str_intern(s, strlen(s));
}

/* ---- the standard streams ----------------------------------------------------------------- */

/* sys.stdin/stdout/stderr (text) and their .buffer (binary): fd 0, 1 or 2 */
typedef struct {
    mt_obj_base_t base;
    uint8_t fd;
    bool binary;
} stream_t;

extern const mt_type_t mt_type_sys_stream;

static const stream_t streams[6] = {
    {{&mt_type_sys_stream}, 0, false}, {{&mt_type_sys_stream}, 1, false},
    {{&mt_type_sys_stream}, 2, false}, {{&mt_type_sys_stream}, 0, true},
    {{&mt_type_sys_stream}, 1, true},  {{&mt_type_sys_stream}, 2, true},
};
#define STREAM(i) MT_ROM_PTR(&streams[i])

static const stream_t *get_stream(mt_obj_t o) {
    if (!MT_IS_TYPE(o, &mt_type_sys_stream)) {
        mt_raise_type_error("expected a standard stream");
    }
    return MT_OBJ_TO_PTR(o);
}

static void stream_out(int fd, const char *s, size_t n) {
    if (fd == 2) {
        mt_hal_stderr_write(s, n);
    } else {
        mt_hal_stdout_write(s, n);
    }
}

static mt_obj_t stream_write(mt_obj_t self, mt_obj_t data) {
    const stream_t *st = get_stream(self);
    if (st->fd == 0) {
        mt_raise_msg(&mt_type_OSError, "not writable");
    }
    if (st->binary) {
        mt_buffer_info_t info;
        mt_get_buffer_raise(data, &info, MT_BUFFER_READ);
        stream_out(st->fd, info.buf, info.len);
        return MT_NEW_SMALL_INT(info.len);
    }
    if (!mt_obj_is_str(data)) {
        /* MicroPython's text streams take bytes-like objects too (file tools such as ampy
         * write bytes to sys.stdout): the bytes go out as they are; CPython raises */
        mt_buffer_info_t info;
        if (!mt_get_buffer(data, &info, MT_BUFFER_READ)) {
            mt_raise_fmt(&mt_type_TypeError, "write() argument must be str, not %q",
                         mt_obj_type_name(data));
        }
        stream_out(st->fd, info.buf, info.len);
        return MT_NEW_SMALL_INT(info.len);
    }
    size_t len;
    const char *s = mt_str_get(data, &len);
    stream_out(st->fd, s, len);
    return MT_NEW_SMALL_INT(mt_str_get_charlen(data));
}
static MT_DEFINE_FUN_2(stream_write_obj, stream_write);

/* Append to v up to max units (characters, or bytes when binary) from stdin, stopping after
 * a newline when `line`. Returns the units read. */
static size_t stdin_read_units(mt_vstr_t *v, size_t max, bool line, bool binary) {
    size_t count = 0;
    while (count < max) {
        int c = mt_hal_stdin_read();
        if (c < 0) {
            break;
        }
        mt_vstr_add_byte(v, (uint8_t)c);
        /* the rest of a multi-byte character */
        size_t more = binary || c < 0xc0 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
        for (; more > 0 && (c = mt_hal_stdin_read()) >= 0; more--) {
            mt_vstr_add_byte(v, (uint8_t)c);
        }
        count++;
        if (line && c == '\n') {
            break;
        }
    }
    return count;
}

static mt_obj_t stream_read_common(size_t n, const mt_obj_t *args, bool line) {
    const stream_t *st = get_stream(args[0]);
    if (st->fd != 0) {
        mt_raise_msg(&mt_type_OSError, "not readable");
    }
    size_t max = SIZE_MAX;
    if (n > 1 && args[1] != MT_NONE) {
        mt_int_t m = mt_obj_get_int(args[1]);
        max = m < 0 ? SIZE_MAX : (size_t)m;
    }
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    stdin_read_units(&v, max, line, st->binary);
    if (st->binary) {
        return mt_bytes_new_from_vstr(&v);
    }
    return mt_str_new_checked(v.buf, v.len);
}

static mt_obj_t stream_read(size_t n, const mt_obj_t *args) {
    return stream_read_common(n, args, false);
}
static MT_DEFINE_FUN_VAR(stream_read_obj, 1, 2, stream_read);

static mt_obj_t stream_readline(size_t n, const mt_obj_t *args) {
    return stream_read_common(n, args, true);
}
static MT_DEFINE_FUN_VAR(stream_readline_obj, 1, 2, stream_readline);

static mt_obj_t stream_readlines(mt_obj_t self) {
    mt_obj_t list = mt_list_new(0, NULL);
    for (;;) {
        mt_obj_t line = stream_read_common(1, &self, true);
        if (mt_len(line) == 0) {
            return list;
        }
        mt_list_append(list, line);
    }
}
static MT_DEFINE_FUN_1(stream_readlines_obj, stream_readlines);

static mt_obj_t stream_flush(mt_obj_t self) {
    get_stream(self);
    mt_hal_stdout_flush();
    return MT_NONE;
}
static MT_DEFINE_FUN_1(stream_flush_obj, stream_flush);

static mt_obj_t stream_fileno(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_stream(self)->fd);
}
static MT_DEFINE_FUN_1(stream_fileno_obj, stream_fileno);

static mt_obj_t stream_enter(mt_obj_t self) {
    return self;
}
static MT_DEFINE_FUN_1(stream_enter_obj, stream_enter);

static mt_obj_t stream_exit(size_t n, const mt_obj_t *args) {
    return MT_NONE; /* the standard streams stay open */
}
static MT_DEFINE_FUN_VAR(stream_exit_obj, 1, 4, stream_exit);

static mt_obj_t stream_iternext(mt_obj_t self) {
    mt_obj_t line = stream_read_common(1, &self, true);
    return mt_len(line) == 0 ? MT_NULL : line;
}

static mt_obj_t stream_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    return self;
}

static const char *const stream_names[3] = {"<stdin>", "<stdout>", "<stderr>"};

static void stream_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    const stream_t *st = MT_OBJ_TO_PTR(o);
    if (st->binary) {
        mt_printf(p, "<io.FileIO name='%s' mode='%s'>", stream_names[st->fd], st->fd ? "wb" : "rb");
    } else {
        mt_printf(p, "<io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                  stream_names[st->fd], st->fd ? "w" : "r");
    }
}

static void stream_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return;
    }
    const stream_t *st = MT_OBJ_TO_PTR(self);
    if (attr == MT_QSTR_buffer && !st->binary) {
        dest[0] = STREAM(st->fd + 3);
    } else if (attr == MT_QSTR_closed) {
        dest[0] = MT_FALSE;
    } else if (attr == MT_QSTR_name) {
        dest[0] = intern_cstr(stream_names[st->fd]);
    } else if (attr == MT_QSTR_encoding && !st->binary) {
        dest[0] = intern_cstr("utf-8");
    }
}

static const mt_map_elem_t stream_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_write), MT_ROM_PTR(&stream_write_obj)},
    {MT_ROM_QSTR(MT_QSTR_read), MT_ROM_PTR(&stream_read_obj)},
    {MT_ROM_QSTR(MT_QSTR_readline), MT_ROM_PTR(&stream_readline_obj)},
    {MT_ROM_QSTR(MT_QSTR_readlines), MT_ROM_PTR(&stream_readlines_obj)},
    {MT_ROM_QSTR(MT_QSTR_flush), MT_ROM_PTR(&stream_flush_obj)},
    {MT_ROM_QSTR(MT_QSTR_fileno), MT_ROM_PTR(&stream_fileno_obj)},
    {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&stream_enter_obj)},
    {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&stream_exit_obj)},
};
static MT_DEFINE_CONST_MAP(stream_locals, stream_locals_table);

const mt_type_t mt_type_sys_stream = {
    .base = {&mt_type_type},
    .name = MT_QSTR_TextIOWrapper,
    .flags = MT_TYPE_FLAG_ITER_IS_SELF,
    .print = stream_print,
    .attr = stream_attr,
    .getiter = stream_getiter,
    .iternext = stream_iternext,
    .locals = &stream_locals,
};

/* ---- version information ------------------------------------------------------------------ */

/* const tuples: the layout of mt_tuple_t with a fixed length */
typedef struct {
    mt_obj_base_t base;
    size_t len;
    mt_obj_t items[3];
} tuple3_t;

static const tuple3_t version_info_obj = {
    {&mt_type_tuple}, 3, {MT_ROM_INT(3), MT_ROM_INT(11), MT_ROM_INT(0)}};
static const tuple3_t mote_version_obj = {
    {&mt_type_tuple},
    3,
    {MT_ROM_INT(MT_VERSION_MAJOR), MT_ROM_INT(MT_VERSION_MINOR), MT_ROM_INT(MT_VERSION_MICRO)}};

/* sys.implementation: a namespace of name, version, _machine */
typedef struct {
    mt_obj_base_t base;
} impl_t;

extern const mt_type_t mt_type_sys_implementation;
static const impl_t impl_obj = {{&mt_type_sys_implementation}};

static void impl_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return;
    }
    if (attr == MT_QSTR_name) {
        dest[0] = MT_NEW_QSTR(MT_QSTR_mote);
    } else if (attr == MT_QSTR_version) {
        dest[0] = MT_ROM_PTR(&mote_version_obj);
    } else if (attr == MT_QSTR__machine) {
        dest[0] = intern_cstr(MT_CONFIG_MACHINE);
    }
}

static void impl_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    mt_printf(p, "namespace(name='mote', version=%R, _machine=%R)", MT_ROM_PTR(&mote_version_obj),
              intern_cstr(MT_CONFIG_MACHINE));
}

const mt_type_t mt_type_sys_implementation = {
    .base = {&mt_type_type},
    .name = MT_QSTR_SimpleNamespace,
    .print = impl_print,
    .attr = impl_attr,
};

/* ---- functions ---------------------------------------------------------------------------- */

/* exit(None) carries no argument, as CPython's */
static mt_obj_t sys_exit(size_t n, const mt_obj_t *args) {
    if (n == 1 && args[0] == MT_NONE) {
        n = 0;
    }
    mt_raise(mt_exc_new(&mt_type_SystemExit, n, args));
}
static MT_DEFINE_FUN_VAR(sys_exit_obj, 0, 1, sys_exit);

static void vstr_sink(void *data, const char *s, size_t n) {
    mt_vstr_add_strn(data, s, n);
}

/* print_exception(exc, file=sys.stdout): the traceback as the REPL prints it */
static mt_obj_t sys_print_exception(size_t n, const mt_obj_t *args) {
    mt_obj_t file = n > 1 ? args[1] : STREAM(1);
    mt_vstr_t v;
    mt_vstr_init(&v, 128);
    mt_print_t p = {&v, vstr_sink};
    mt_exc_print_traceback(&p, args[0]);
    if (MT_IS_TYPE(file, &mt_type_sys_stream) && !get_stream(file)->binary) {
        stream_out(get_stream(file)->fd, v.buf, v.len);
        return MT_NONE;
    }
    mt_obj_t s = mt_str_new(v.buf, v.len);
    mt_call_method_n(file, MT_QSTR_write, 1, &s);
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(sys_print_exception_obj, 1, 2, sys_print_exception);

static mt_obj_t sys_exception(void) {
    return mt_state.cur_exc == MT_NULL ? MT_NONE : mt_state.cur_exc; /* MT_NONE: none handled */
}
static MT_DEFINE_FUN_0(sys_exception_obj, sys_exception);

static mt_obj_t sys_exc_info(void) {
    mt_obj_t t[3] = {MT_NONE, MT_NONE, MT_NONE};
    if (mt_state.cur_exc != MT_NULL && mt_state.cur_exc != MT_NONE) {
        t[0] = MT_OBJ_FROM_PTR(mt_type_of(mt_state.cur_exc));
        t[1] = mt_state.cur_exc;
    }
    return mt_tuple_new(3, t);
}
static MT_DEFINE_FUN_0(sys_exc_info_obj, sys_exc_info);

/* ---- the module --------------------------------------------------------------------------- */

static bool is_little_endian(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

/* argv, path, modules (state of the interpreter) and the values computed on demand */
static void sys_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    mt_obj_t *slot = attr == MT_QSTR_argv      ? &mt_state.sys_argv
                     : attr == MT_QSTR_path    ? &mt_state.sys_path
                     : attr == MT_QSTR_modules ? &mt_state.modules
                                               : NULL;
    if (dest[0] == MT_SENTINEL) {
        if (slot != NULL && dest[1] != MT_NULL) {
            if (!MT_IS_TYPE(dest[1], slot == &mt_state.modules ? &mt_type_dict : &mt_type_list)) {
                mt_raise_fmt(&mt_type_TypeError, "sys.%q must be a %s", attr,
                             slot == &mt_state.modules ? "dict" : "list");
            }
            *slot = dest[1];
            dest[0] = MT_NULL;
        }
        return;
    }
    if (slot != NULL) {
        dest[0] = *slot;
    } else if (attr == MT_QSTR_version) {
        dest[0] = intern_cstr(MT_PY_VERSION_STRING " (Mote " MT_VERSION_STRING ")");
    } else if (attr == MT_QSTR_platform) {
        dest[0] = intern_cstr(mt_sys_platform);
    } else if (attr == MT_QSTR_byteorder) {
        dest[0] = MT_NEW_QSTR(is_little_endian() ? MT_QSTR_little : MT_QSTR_big);
    } else if (attr == MT_QSTR_maxsize) {
        dest[0] = mt_int_from_ll(INTPTR_MAX);
    }
}

static const mt_map_elem_t sys_globals_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_sys)},
    {MT_ROM_QSTR(MT_QSTR_exit), MT_ROM_PTR(&sys_exit_obj)},
    {MT_ROM_QSTR(MT_QSTR_stdin), STREAM(0)},
    {MT_ROM_QSTR(MT_QSTR_stdout), STREAM(1)},
    {MT_ROM_QSTR(MT_QSTR_stderr), STREAM(2)},
    {MT_ROM_QSTR(MT_QSTR_version_info), MT_ROM_PTR(&version_info_obj)},
    {MT_ROM_QSTR(MT_QSTR_implementation), MT_ROM_PTR(&impl_obj)},
    {MT_ROM_QSTR(MT_QSTR_print_exception), MT_ROM_PTR(&sys_print_exception_obj)},
    {MT_ROM_QSTR(MT_QSTR_exc_info), MT_ROM_PTR(&sys_exc_info_obj)},
    {MT_ROM_QSTR(MT_QSTR_exception), MT_ROM_PTR(&sys_exception_obj)},
};
static MT_DEFINE_CONST_DICT(sys_globals, sys_globals_table);

const mt_module_t mt_module_sys = {{&mt_type_module}, (mt_dict_t *)&sys_globals, sys_attr};
