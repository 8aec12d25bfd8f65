/* open() on the host file system: file objects over a file descriptor.
 *
 * Two types: TextIOWrapper (text mode: str in and out, UTF-8, universal newlines on read
 * unless newline= is given) and FileIO (binary mode: bytes). The methods are the stream
 * core's (lib/stream.c) over the raw operations below; its read-ahead is BUF_SIZE bytes in the
 * GC heap; writes go straight to the descriptor (so nothing is lost if a file is never
 * closed). A file not closed is closed by its finaliser (__del__) when the GC collects it.
 * After close() every operation raises ValueError. */
#include <errno.h>
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "stream.h"
#include "types/str.h"
#include "unix.h"

#define BUF_SIZE 4096

typedef struct {
    mt_stream_t s; /* base.type: &mt_type_textio or &mt_type_fileio */
    int fd;        /* -1 once closed */
    bool closefd;  /* close() closes the descriptor */
    mt_obj_t name; /* as given to open() */
    mt_obj_t mode; /* as given to open() */
} file_t;

extern const mt_type_t mt_type_textio, mt_type_fileio;

static file_t *get_open(mt_obj_t o) {
    return (file_t *)mt_stream_get(o);
}

static int fd_of(mt_obj_t self) {
    return ((file_t *)MT_OBJ_TO_PTR(self))->fd;
}

static void check_pending_after_eintr(void) {
    if (mt_pending) {
        mt_handle_pending();
    }
}

/* ---- the raw operations ------------------------------------------------------------------- */

static size_t fd_read(mt_obj_t self, void *buf, size_t n) {
    ssize_t got;
    while ((got = read(fd_of(self), buf, n)) < 0) {
        if (errno != EINTR) {
            mt_raise_oserror(errno);
        }
        check_pending_after_eintr();
    }
    return (size_t)got;
}

static void fd_write(mt_obj_t self, const void *buf, size_t n) {
    const char *s = buf;
    while (n > 0) {
        ssize_t w = write(fd_of(self), s, n);
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

static long long fd_seek(mt_obj_t self, long long off, int whence) {
    off_t r = lseek(fd_of(self), (off_t)off, whence);
    if (r < 0) {
        mt_raise_oserror(errno);
    }
    return r;
}

static void fd_truncate(mt_obj_t self, long long size) {
    if (ftruncate(fd_of(self), (off_t)size) != 0) {
        mt_raise_oserror(errno);
    }
}

/* never raises or allocates (the finaliser) */
static void fd_close(mt_obj_t self) {
    file_t *f = MT_OBJ_TO_PTR(self);
    if (f->fd >= 0 && f->closefd) {
        close(f->fd);
    }
    f->fd = -1;
}

static const mt_stream_ops_t fd_ops = {
    .read = fd_read,
    .write = fd_write,
    .seek = fd_seek,
    .truncate = fd_truncate,
    .flush = NULL, /* writes are not buffered */
    .close = fd_close,
    .bufsize = BUF_SIZE,
};

/* ---- the methods only host files have ----------------------------------------------------- */

static mt_obj_t file_readinto(mt_obj_t self, mt_obj_t buf) {
    if (get_open(self)->s.text) {
        mt_raise_msg(&mt_type_OSError, "readinto");
    }
    return mt_call2(MT_OBJ_FROM_PTR(&mt_stream_readinto_obj), self, buf);
}
static MT_DEFINE_FUN_2(file_readinto_obj, file_readinto);

static mt_obj_t file_fileno(mt_obj_t self) {
    return MT_NEW_SMALL_INT(get_open(self)->fd);
}
static MT_DEFINE_FUN_1(file_fileno_obj, file_fileno);

static mt_obj_t file_readable(mt_obj_t self) {
    return MT_BOOL(get_open(self)->s.readable);
}
static MT_DEFINE_FUN_1(file_readable_obj, file_readable);

static mt_obj_t file_writable(mt_obj_t self) {
    return MT_BOOL(get_open(self)->s.writable);
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

/* ---- the types ---------------------------------------------------------------------------- */

static void file_print(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind) {
    file_t *f = MT_OBJ_TO_PTR(o);
    mt_printf(p, "<io.%q name=%R mode=%R%s>", f->s.base.type->name, f->name, f->mode,
              f->s.text ? " encoding='UTF-8'" : "");
}

static const mt_map_elem_t file_locals_table[] = {
    MT_STREAM_LOCALS_ROWS,
    {MT_ROM_QSTR(MT_QSTR_readinto), MT_ROM_PTR(&file_readinto_obj)},
    {MT_ROM_QSTR(MT_QSTR_fileno), MT_ROM_PTR(&file_fileno_obj)},
    {MT_ROM_QSTR(MT_QSTR_readable), MT_ROM_PTR(&file_readable_obj)},
    {MT_ROM_QSTR(MT_QSTR_writable), MT_ROM_PTR(&file_writable_obj)},
    {MT_ROM_QSTR(MT_QSTR_seekable), MT_ROM_PTR(&file_seekable_obj)},
    {MT_ROM_QSTR(MT_QSTR_isatty), MT_ROM_PTR(&file_isatty_obj)},
};
static MT_DEFINE_CONST_MAP(file_locals, file_locals_table);

/* data attributes (closed, name, mode, encoding); the runtime finds the methods in locals */
static void file_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] != MT_NULL) {
        return; /* stores: no writable attributes */
    }
    file_t *f = MT_OBJ_TO_PTR(self);
    if (attr == MT_QSTR_closed) {
        dest[0] = MT_BOOL(f->s.closed);
    } else if (attr == MT_QSTR_name) {
        dest[0] = f->name;
    } else if (attr == MT_QSTR_mode) {
        dest[0] = f->mode;
    } else if (attr == MT_QSTR_encoding && f->s.text) {
        dest[0] = mt_str_new("UTF-8", 5);
    }
}

MT_STREAM_TYPE(mt_type_textio, MT_QSTR_TextIOWrapper, file_print, file_attr, &file_locals);
MT_STREAM_TYPE(mt_type_fileio, MT_QSTR_FileIO, file_print, file_attr, &file_locals);

/* ---- open() ------------------------------------------------------------------------------- */

typedef struct {
    int flags;
    bool binary, readable, writable;
} open_mode_t;

/* the mode string as open() flags */
static open_mode_t parse_mode(mt_obj_t mode_obj) {
    mt_stream_mode_t sm = mt_stream_parse_mode(mode_obj);
    open_mode_t m = {0, sm.binary, sm.kind == 'r', sm.kind != 'r'};
    switch (sm.kind) {
    case 'r': m.flags = O_RDONLY; break;
    case 'w': m.flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': m.flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: m.flags = O_WRONLY | O_CREAT | O_EXCL; break;
    }
    if (sm.plus) {
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

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (mt_unix_files) return mt_unix_files->open(n, args, kw); /* a board's files */
    mt_obj_t a[MT_OPEN_N];
    mt_arg_parse(n, args, kw, MT_OPEN_N, mt_stream_open_spec, a);
    open_mode_t m = parse_mode(a[MT_OPEN_MODE]);
    if (m.binary && a[MT_OPEN_ENCODING] != MT_NONE) {
        mt_raise_value_error("binary mode doesn't take an encoding argument");
    }
    if (m.binary && a[MT_OPEN_NEWLINE] != MT_NONE) {
        mt_raise_value_error("binary mode doesn't take a newline argument");
    }
    check_encoding(a[MT_OPEN_ENCODING]);
    if (a[MT_OPEN_OPENER] != MT_NONE) {
        mt_raise_msg(&mt_type_NotImplementedError, "open(): opener is not supported");
    }
    file_t *f = mt_alloc_with_finaliser(sizeof(file_t));
    f->s.base.type = m.binary ? &mt_type_fileio : &mt_type_textio;
    f->s.ops = &fd_ops;
    f->s.closed = true; /* until the descriptor is there */
    f->fd = -1;
    mt_int_t fd;
    if (mt_obj_is_int(a[MT_OPEN_FILE]) && mt_obj_get_int_maybe(a[MT_OPEN_FILE], &fd)) {
        if (fd < 0) {
            mt_raise_value_error("negative file descriptor");
        }
        f->closefd = mt_is_true(a[MT_OPEN_CLOSEFD]);
    } else {
        if (!mt_is_true(a[MT_OPEN_CLOSEFD])) {
            mt_raise_value_error("Cannot use closefd=False with file name");
        }
        fd = open_path(a[MT_OPEN_FILE], m.flags);
        f->closefd = true;
    }
    f->fd = (int)fd;
    f->s.closed = false;
    f->s.text = !m.binary;
    f->s.readable = m.readable;
    f->s.writable = m.writable;
    f->s.translate = a[MT_OPEN_NEWLINE] == MT_NONE;
    f->name = a[MT_OPEN_FILE];
    f->mode = a[MT_OPEN_MODE];
    return MT_OBJ_FROM_PTR(f);
}
