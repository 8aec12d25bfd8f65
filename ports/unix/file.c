/* open() on the host file system: file objects over a file descriptor.
 *
 * Two types: TextIOWrapper (text mode: str in and out, UTF-8, universal newlines on read
 * unless newline= is given) and FileIO (binary mode: bytes). Reads go through a buffer of
 * BUF_SIZE bytes in the GC heap; writes go straight to the descriptor (so nothing is lost if
 * a file is never closed). A file not closed is closed by its finaliser (__del__) when the GC
 * collects it. After close() every operation raises ValueError. */
#include <errno.h>
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "types/str.h"
#include "unix.h"

#define BUF_SIZE 4096

typedef struct {
    mt_obj_base_t base; /* &mt_type_textio or &mt_type_fileio */
    int fd;             /* -1 once closed */
    bool readable, writable, closefd;
    bool translate; /* text read: "\r\n" and "\r" become "\n" */
    mt_obj_t name;  /* as given to open() */
    mt_obj_t mode;  /* as given to open() */
    uint8_t *rbuf;  /* read-ahead, BUF_SIZE bytes, allocated at the first read */
    size_t rpos, rlen;
} file_t;

extern const mt_type_t mt_type_textio, mt_type_fileio;

static bool is_text(const file_t *f) {
    return f->base.type == &mt_type_textio;
}

static file_t *get_file(mt_obj_t o) {
    if (!MT_IS_TYPE(o, &mt_type_textio) && !MT_IS_TYPE(o, &mt_type_fileio)) {
        mt_raise_type_error("expected a file object");
    }
    return MT_OBJ_TO_PTR(o);
}

/* the file, open (ValueError otherwise) */
static file_t *get_open(mt_obj_t o) {
    file_t *f = get_file(o);
    if (f->fd < 0) {
        mt_raise_value_error("I/O operation on closed file.");
    }
    return f;
}

static void check_pending_after_eintr(void) {
    if (mt_pending) {
        mt_handle_pending();
    }
}

/* ---- reading ------------------------------------------------------------------------------ */

/* refill the read-ahead; false at end of file */
static bool fill(file_t *f) {
    if (!f->readable) {
        mt_raise_msg(&mt_type_OSError, "not readable");
    }
    if (f->rbuf == NULL) {
        f->rbuf = mt_alloc(BUF_SIZE);
    }
    ssize_t n;
    while ((n = read(f->fd, f->rbuf, BUF_SIZE)) < 0) {
        if (errno != EINTR) {
            mt_raise_oserror(errno);
        }
        check_pending_after_eintr();
    }
    f->rpos = 0;
    f->rlen = (size_t)n;
    return n > 0;
}

/* the next byte without taking it; -1 at end of file */
static int peek(file_t *f) {
    if (f->rpos == f->rlen && !fill(f)) {
        return -1;
    }
    return f->rbuf[f->rpos];
}

/* Append to v at most max units (characters in text mode, bytes in binary mode; a character
 * is taken whole), stopping after a newline when `line`. Returns the units read. */
static size_t read_units(file_t *f, mt_vstr_t *v, size_t max, bool line) {
    bool text = is_text(f);
    size_t count = 0;
    while (peek(f) >= 0) {
        const uint8_t *p = f->rbuf + f->rpos;
        size_t n = f->rlen - f->rpos, i = 0;
        bool stop = false, cr = false;
        for (; i < n; i++) {
            uint8_t b = p[i];
            if (!text || !MT_UTF8_IS_CONT(b)) {
                if (count == max) {
                    stop = true;
                    break;
                }
                count++;
            }
            if (b == '\r' && text && f->translate) {
                cr = true;
                break;
            }
            if (b == '\n' && line) {
                i++;
                stop = true;
                break;
            }
        }
        mt_vstr_add_strn(v, (const char *)p, i);
        f->rpos += i;
        if (cr) {
            f->rpos++;
            mt_vstr_add_byte(v, '\n');
            if (peek(f) == '\n') {
                f->rpos++;
            }
            stop = line;
        }
        if (stop) {
            break;
        }
    }
    return count;
}

/* what was read, as str (checked UTF-8) or bytes */
static mt_obj_t finish_read(file_t *f, mt_vstr_t *v) {
    if (!is_text(f)) {
        return mt_bytes_new_from_vstr(v);
    }
    return mt_str_new_checked(v->buf, v->len);
}

static size_t size_arg(size_t n, const mt_obj_t *args) {
    if (n < 2 || args[1] == MT_NONE) {
        return SIZE_MAX;
    }
    mt_int_t size = mt_obj_get_int(args[1]);
    return size < 0 ? SIZE_MAX : (size_t)size;
}

static mt_obj_t file_read(size_t n, const mt_obj_t *args) {
    file_t *f = get_open(args[0]);
    size_t max = size_arg(n, args);
    mt_vstr_t v;
    mt_vstr_init(&v, max < BUF_SIZE ? max : BUF_SIZE);
    if (max > 0) {
        read_units(f, &v, max, false);
    }
    return finish_read(f, &v);
}
static MT_DEFINE_FUN_VAR(file_read_obj, 1, 2, file_read);

static mt_obj_t file_readline(size_t n, const mt_obj_t *args) {
    file_t *f = get_open(args[0]);
    size_t max = size_arg(n, args);
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    if (max > 0) {
        read_units(f, &v, max, true);
    }
    return finish_read(f, &v);
}
static MT_DEFINE_FUN_VAR(file_readline_obj, 1, 2, file_readline);

static mt_obj_t file_readlines(size_t n, const mt_obj_t *args) {
    file_t *f = get_open(args[0]);
    size_t hint = size_arg(n, args), total = 0;
    mt_obj_t list = mt_list_new(0, NULL);
    while (total < hint || hint == 0) {
        mt_vstr_t v;
        mt_vstr_init(&v, 64);
        size_t got = read_units(f, &v, SIZE_MAX, true);
        if (got == 0) {
            break;
        }
        total += got;
        mt_list_append(list, finish_read(f, &v));
    }
    return list;
}
static MT_DEFINE_FUN_VAR(file_readlines_obj, 1, 2, file_readlines);

static mt_obj_t file_readinto(mt_obj_t self, mt_obj_t buf) {
    file_t *f = get_open(self);
    if (is_text(f)) {
        mt_raise_msg(&mt_type_OSError, "readinto");
    }
    mt_buffer_info_t info;
    mt_get_buffer_raise(buf, &info, MT_BUFFER_WRITE);
    size_t done = 0;
    while (done < info.len && peek(f) >= 0) {
        size_t k = f->rlen - f->rpos;
        if (k > info.len - done) {
            k = info.len - done;
        }
        memcpy((uint8_t *)info.buf + done, f->rbuf + f->rpos, k);
        f->rpos += k;
        done += k;
    }
    return MT_NEW_SMALL_INT(done);
}
static MT_DEFINE_FUN_2(file_readinto_obj, file_readinto);

/* ---- writing and positioning -------------------------------------------------------------- */

/* give back read-ahead bytes so the descriptor's position is the logical one */
static void drop_readahead(file_t *f) {
    if (f->rpos < f->rlen) {
        lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    }
    f->rpos = f->rlen = 0;
}

static void write_all(file_t *f, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(f->fd, s, n);
        if (w < 0) {
            if (errno != EINTR) {
                mt_raise_oserror(errno);
            }
            check_pending_after_eintr();
            continue;
        }
        s += w;
        n -= (size_t)w;
    }
}

static mt_obj_t file_write(mt_obj_t self, mt_obj_t data) {
    file_t *f = get_open(self);
    if (!f->writable) {
        mt_raise_msg(&mt_type_OSError, "not writable");
    }
    const char *s;
    size_t len, units;
    if (is_text(f)) {
        if (!mt_obj_is_str(data)) {
            mt_raise_fmt(&mt_type_TypeError, "write() argument must be str, not %q",
                         mt_obj_type_name(data));
        }
        s = mt_str_get(data, &len);
        units = mt_str_get_charlen(data);
    } else {
        mt_buffer_info_t info;
        mt_get_buffer_raise(data, &info, MT_BUFFER_READ);
        s = info.buf;
        len = units = info.len;
    }
    drop_readahead(f);
    write_all(f, s, len);
    return MT_NEW_SMALL_INT(units);
}
static MT_DEFINE_FUN_2(file_write_obj, file_write);

static mt_obj_t file_seek(size_t n, const mt_obj_t *args) {
    file_t *f = get_open(args[0]);
    long long off = mt_obj_get_ll(args[1]);
    mt_int_t whence = n > 2 ? mt_obj_get_int(args[2]) : SEEK_SET;
    if (whence < 0 || whence > 2) {
        mt_raise_fmt(&mt_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    if (whence == SEEK_CUR) {
        off -= (long long)(f->rlen - f->rpos);
    }
    off_t r = lseek(f->fd, (off_t)off, (int)whence);
    if (r < 0) {
        mt_raise_oserror(errno);
    }
    f->rpos = f->rlen = 0;
    return mt_int_from_ll(r);
}
static MT_DEFINE_FUN_VAR(file_seek_obj, 2, 3, file_seek);

static mt_obj_t file_tell(mt_obj_t self) {
    file_t *f = get_open(self);
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) {
        mt_raise_oserror(errno);
    }
    return mt_int_from_ll(r - (off_t)(f->rlen - f->rpos));
}
static MT_DEFINE_FUN_1(file_tell_obj, file_tell);

static mt_obj_t file_truncate(size_t n, const mt_obj_t *args) {
    file_t *f = get_open(args[0]);
    mt_obj_t size = n > 1 && args[1] != MT_NONE ? args[1] : file_tell(args[0]);
    long long len = mt_obj_get_ll(size);
    drop_readahead(f);
    if (ftruncate(f->fd, (off_t)len) != 0) {
        mt_raise_oserror(errno);
    }
    return mt_int_from_ll(len);
}
static MT_DEFINE_FUN_VAR(file_truncate_obj, 1, 2, file_truncate);

static mt_obj_t file_flush(mt_obj_t self) {
    get_open(self); /* writes are not buffered */
    return MT_NONE;
}
static MT_DEFINE_FUN_1(file_flush_obj, file_flush);

/* never raises or allocates: also the finaliser */
static mt_obj_t file_close(mt_obj_t self) {
    file_t *f = get_file(self);
    if (f->fd >= 0) {
        if (f->closefd) {
            close(f->fd);
        }
        f->fd = -1;
        f->rpos = f->rlen = 0;
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_1(file_close_obj, file_close);

static mt_obj_t file_fileno(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_open(self)->fd);
}
static MT_DEFINE_FUN_1(file_fileno_obj, file_fileno);

static mt_obj_t file_readable(mt_obj_t self) {
    return MT_BOOL(get_open(self)->readable);
}
static MT_DEFINE_FUN_1(file_readable_obj, file_readable);

static mt_obj_t file_writable(mt_obj_t self) {
    return MT_BOOL(get_open(self)->writable);
}
static MT_DEFINE_FUN_1(file_writable_obj, file_writable);

static mt_obj_t file_seekable(mt_obj_t self) {
    return MT_BOOL(lseek(get_open(self)->fd, 0, SEEK_CUR) >= 0);
}
static MT_DEFINE_FUN_1(file_seekable_obj, file_seekable);

static mt_obj_t file_isatty(mt_obj_t self) {
    return MT_BOOL(isatty(get_open(self)->fd));
}
static MT_DEFINE_FUN_1(file_isatty_obj, file_isatty);

static mt_obj_t file_enter(mt_obj_t self) {
    get_open(self);
    return self;
}
static MT_DEFINE_FUN_1(file_enter_obj, file_enter);

static mt_obj_t file_exit(size_t n, const mt_obj_t *args) {
    return file_close(args[0]);
}
static MT_DEFINE_FUN_VAR(file_exit_obj, 1, 4, file_exit);

/* ---- the types ---------------------------------------------------------------------------- */

static mt_obj_t file_iternext(mt_obj_t self) {
    file_t *f = get_open(self);
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    if (read_units(f, &v, SIZE_MAX, true) == 0) {
        return MT_NULL;
    }
    return finish_read(f, &v);
}

static mt_obj_t file_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    get_open(self);
    return self;
}

static void file_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    file_t *f = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<io.%q name=%R mode=%R%s>", f->base.type->name, f->name, f->mode,
              is_text(f) ? " encoding='UTF-8'" : "");
}

static const mt_map_elem_t file_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_read), MT_ROM_PTR(&file_read_obj)},
    {MT_ROM_QSTR(MT_QSTR_readinto), MT_ROM_PTR(&file_readinto_obj)},
    {MT_ROM_QSTR(MT_QSTR_readline), MT_ROM_PTR(&file_readline_obj)},
    {MT_ROM_QSTR(MT_QSTR_readlines), MT_ROM_PTR(&file_readlines_obj)},
    {MT_ROM_QSTR(MT_QSTR_write), MT_ROM_PTR(&file_write_obj)},
    {MT_ROM_QSTR(MT_QSTR_seek), MT_ROM_PTR(&file_seek_obj)},
    {MT_ROM_QSTR(MT_QSTR_tell), MT_ROM_PTR(&file_tell_obj)},
    {MT_ROM_QSTR(MT_QSTR_truncate), MT_ROM_PTR(&file_truncate_obj)},
    {MT_ROM_QSTR(MT_QSTR_flush), MT_ROM_PTR(&file_flush_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&file_close_obj)},
    {MT_ROM_QSTR(MT_QSTR_fileno), MT_ROM_PTR(&file_fileno_obj)},
    {MT_ROM_QSTR(MT_QSTR_readable), MT_ROM_PTR(&file_readable_obj)},
    {MT_ROM_QSTR(MT_QSTR_writable), MT_ROM_PTR(&file_writable_obj)},
    {MT_ROM_QSTR(MT_QSTR_seekable), MT_ROM_PTR(&file_seekable_obj)},
    {MT_ROM_QSTR(MT_QSTR_isatty), MT_ROM_PTR(&file_isatty_obj)},
    {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&file_enter_obj)},
    {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&file_exit_obj)},
    {MT_ROM_QSTR(MT_QSTR___del__), MT_ROM_PTR(&file_close_obj)},
};
static MT_DEFINE_CONST_MAP(file_locals, file_locals_table);

/* data attributes (closed, name, mode, encoding); the runtime finds the methods in locals */
static void file_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return; /* stores: no writable attributes */
    }
    file_t *f = MT_OBJ_TO_PTR(self);
    if (attr == MT_QSTR_closed) {
        dest[0] = MT_BOOL(f->fd < 0);
    } else if (attr == MT_QSTR_name) {
        dest[0] = f->name;
    } else if (attr == MT_QSTR_mode) {
        dest[0] = f->mode;
    } else if (attr == MT_QSTR_encoding && is_text(f)) {
        dest[0] = mt_str_new("UTF-8", 5);
    }
}

#define FILE_TYPE(id, qname)                                                                       \
    const mt_type_t id = {                                                                         \
        .base = {&mt_type_type},                                                                   \
        .name = qname,                                                                             \
        .flags = MT_TYPE_FLAG_ITER_IS_SELF,                                                        \
        .print = file_print,                                                                       \
        .attr = file_attr,                                                                         \
        .getiter = file_getiter,                                                                   \
        .iternext = file_iternext,                                                                 \
        .locals = &file_locals,                                                                    \
    }
FILE_TYPE(mt_type_textio, MT_QSTR_TextIOWrapper);
FILE_TYPE(mt_type_fileio, MT_QSTR_FileIO);

/* ---- open() ------------------------------------------------------------------------------- */

typedef struct {
    int flags;
    bool binary, readable, writable;
} open_mode_t;

static MT_NORETURN void bad_mode(const char *msg, mt_obj_t mode) {
    if (msg == NULL) {
        mt_raise_fmt(&mt_type_ValueError, "invalid mode: %R", mode);
    }
    mt_raise_value_error(msg);
}

static open_mode_t parse_mode(mt_obj_t mode_obj) {
    if (!mt_obj_is_str(mode_obj)) {
        mt_raise_fmt(&mt_type_TypeError, "open() argument 'mode' must be str, not %q",
                     mt_obj_type_name(mode_obj));
    }
    size_t len;
    const char *s = mt_str_get(mode_obj, &len);
    open_mode_t m = {0};
    int kinds = 0, seen = 0;
    bool plus = false, text = false;
    for (size_t i = 0; i < len; i++) {
        const char *k = strchr("rwaxbt+", s[i]);
        if (s[i] == 0 || k == NULL || (seen & (1 << (k - "rwaxbt+")))) {
            bad_mode(NULL, mode_obj);
        }
        seen |= 1 << (k - "rwaxbt+");
        switch (s[i]) {
        case 'r':
            kinds++;
            m.flags = O_RDONLY;
            m.readable = true;
            break;
        case 'w':
            kinds++;
            m.flags = O_WRONLY | O_CREAT | O_TRUNC;
            m.writable = true;
            break;
        case 'a':
            kinds++;
            m.flags = O_WRONLY | O_CREAT | O_APPEND;
            m.writable = true;
            break;
        case 'x':
            kinds++;
            m.flags = O_WRONLY | O_CREAT | O_EXCL;
            m.writable = true;
            break;
        case 'b': m.binary = true; break;
        case 't': text = true; break;
        default: plus = true; break;
        }
    }
    if (text && m.binary) {
        bad_mode("can't have text and binary mode at once", mode_obj);
    }
    if (kinds != 1) {
        bad_mode("must have exactly one of create/read/write/append mode", mode_obj);
    }
    if (plus) {
        m.flags = (m.flags & ~(O_WRONLY | O_RDONLY)) | O_RDWR;
        m.readable = m.writable = true;
    }
    return m;
}

static void check_encoding(mt_obj_t enc) {
    if (enc == MT_NONE) {
        return;
    }
    const char *e = mt_obj_str_cstr(enc);
    if (strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0 && strcasecmp(e, "ascii") != 0 &&
        strcasecmp(e, "us-ascii") != 0) {
        mt_raise_fmt(&mt_type_LookupError, "unknown encoding: %s", e);
    }
}

static int open_path(mt_obj_t file, int flags) {
    if (!mt_obj_is_str(file) && !MT_IS_TYPE(file, &mt_type_bytes)) {
        mt_raise_fmt(&mt_type_TypeError, "expected str, bytes or os.PathLike object, not %q",
                     mt_obj_type_name(file));
    }
    size_t len;
    const char *path = mt_str_data(file, &len);
    if (strlen(path) != len) {
        mt_raise_value_error("embedded null byte");
    }
    int fd;
    while ((fd = open(path, flags | O_CLOEXEC, 0666)) < 0) {
        if (errno != EINTR) {
            mt_raise_oserror(errno);
        }
        check_pending_after_eintr();
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        mt_raise_oserror(EISDIR);
    }
    return fd;
}

enum { A_FILE, A_MODE, A_BUFFERING, A_ENCODING, A_ERRORS, A_NEWLINE, A_CLOSEFD, A_OPENER, A_N };

static const mt_arg_spec_t open_spec[A_N] = {
    {MT_QSTR_file, MT_ARG_REQUIRED, MT_NULL},
    {MT_QSTR_mode, 0, MT_ROM_QSTR(MT_QSTR_r)},
    {MT_QSTR_buffering, 0, MT_ROM_INT(-1)},
    {MT_QSTR_encoding, 0, MT_NONE},
    {MT_QSTR_errors, 0, MT_NONE},
    {MT_QSTR_newline, 0, MT_NONE},
    {MT_QSTR_closefd, 0, MT_TRUE},
    {MT_QSTR_opener, 0, MT_NONE},
};

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (mt_unix_files) return mt_unix_files->open(n, args, kw); /* a board's files */
    mt_obj_t a[A_N];
    mt_arg_parse(n, args, kw, A_N, open_spec, a);
    open_mode_t m = parse_mode(a[A_MODE]);
    if (m.binary && a[A_ENCODING] != MT_NONE) {
        mt_raise_value_error("binary mode doesn't take an encoding argument");
    }
    if (m.binary && a[A_NEWLINE] != MT_NONE) {
        mt_raise_value_error("binary mode doesn't take a newline argument");
    }
    check_encoding(a[A_ENCODING]);
    if (a[A_OPENER] != MT_NONE) {
        mt_raise_msg(&mt_type_NotImplementedError, "open(): opener is not supported");
    }
    file_t *f = mt_alloc_with_finaliser(sizeof(file_t));
    f->base.type = m.binary ? &mt_type_fileio : &mt_type_textio;
    f->fd = -1;
    mt_int_t fd;
    if (mt_obj_is_int(a[A_FILE]) && mt_obj_get_int_maybe(a[A_FILE], &fd)) {
        if (fd < 0) {
            mt_raise_value_error("negative file descriptor");
        }
        f->closefd = mt_is_true(a[A_CLOSEFD]);
    } else {
        if (!mt_is_true(a[A_CLOSEFD])) {
            mt_raise_value_error("Cannot use closefd=False with file name");
        }
        fd = open_path(a[A_FILE], m.flags);
        f->closefd = true;
    }
    f->fd = (int)fd;
    f->readable = m.readable;
    f->writable = m.writable;
    f->translate = a[A_NEWLINE] == MT_NONE;
    f->name = a[A_FILE];
    f->mode = a[A_MODE];
    return MT_OBJ_FROM_PTR(f);
}
