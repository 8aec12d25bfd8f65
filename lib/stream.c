/* The stream core: file-object methods over raw operations (the contract: lib/stream.h). */
#include <string.h>

#include "runtime.h"
#include "stream.h"
#include "types/str.h"

#define RAW_CHUNK 512 /* bytes per raw read when reading past the read-ahead */

/* every file type has mt_stream_iternext as its iternext slot: that marks a stream */
static bool is_stream(mt_obj_t o) {
    return mt_type_of(o)->iternext == mt_stream_iternext;
}

mt_stream_t *mt_stream_get(mt_obj_t o) {
    if (!is_stream(o)) {
        mt_raise_type_error("expected a file object");
    }
    mt_stream_t *s = MT_OBJ_TO_PTR(o);
    if (s->closed) {
        mt_raise_value_error("I/O operation on closed file.");
    }
    return s;
}

static mt_stream_t *get_readable(mt_obj_t o) {
    mt_stream_t *s = mt_stream_get(o);
    if (!s->readable) {
        mt_raise_msg(&mt_type_OSError, "not readable");
    }
    return s;
}

static size_t unread(const mt_stream_t *s) {
    return (size_t)(s->rlen - s->rpos);
}

long long mt_stream_tell_pos(mt_stream_t *s) {
    return s->ops->seek(MT_OBJ_FROM_PTR(s), 0, 1) - (long long)unread(s);
}

/* give back the read-ahead so the raw position is the logical one */
static void drop_readahead(mt_stream_t *s) {
    if (unread(s) > 0) {
        s->ops->seek(MT_OBJ_FROM_PTR(s), -(long long)unread(s), 1);
    }
    s->rpos = s->rlen = 0;
}

/* ---- reading ------------------------------------------------------------------------------ */

/* refill the read-ahead; false at end of file */
static bool fill(mt_stream_t *s) {
    if (s->rbuf == NULL) {
        s->rbuf = mt_alloc(s->ops->bufsize);
    }
    s->rpos = s->rlen = 0;
    s->rlen = (uint16_t)s->ops->read(MT_OBJ_FROM_PTR(s), s->rbuf, s->ops->bufsize);
    return s->rlen > 0;
}

/* the next byte without taking it; -1 at end of file */
static int peek(mt_stream_t *s) {
    if (unread(s) == 0 && !fill(s)) {
        return -1;
    }
    return s->rbuf[s->rpos];
}

/* after a '\r' was taken in a translating text read: take a '\n' that follows, add '\n' */
static void take_cr(mt_stream_t *s, mt_vstr_t *v) {
    s->rpos++;
    mt_vstr_add_byte(v, '\n');
    if (peek(s) == '\n') {
        s->rpos++;
    }
}

/* Scan the read-ahead: how many of its bytes to take for at most max - *count more units
 * (a character is taken whole), stopping before a '\r' to translate (*cr) or after a newline
 * when `line` (*stop). */
static size_t scan(mt_stream_t *s, size_t max, size_t *count, bool line, bool *stop, bool *cr) {
    const uint8_t *p = s->rbuf + s->rpos;
    size_t n = unread(s), i = 0;
    for (; i < n; i++) {
        uint8_t b = p[i];
        if (!s->text || !MT_UTF8_IS_CONT(b)) {
            if (*count == max) {
                *stop = true;
                return i;
            }
            (*count)++;
        }
        if (b == '\r' && s->text && s->translate) {
            *cr = true;
            return i;
        }
        if (b == '\n' && line) {
            *stop = true;
            return i + 1;
        }
    }
    return i;
}

/* Append to v at most max units (characters in text mode, bytes in binary mode), stopping
 * after a newline when `line`. Returns the units read. */
static size_t read_units(mt_stream_t *s, mt_vstr_t *v, size_t max, bool line) {
    size_t count = 0;
    while (peek(s) >= 0) {
        bool stop = false, cr = false;
        size_t i = scan(s, max, &count, line, &stop, &cr);
        mt_vstr_add_strn(v, (const char *)s->rbuf + s->rpos, i);
        s->rpos += i;
        if (cr) {
            take_cr(s, v);
            stop = line;
        }
        if (stop) {
            break;
        }
    }
    return count;
}

/* read into buf until n bytes or the end of file: the read-ahead first, then raw reads */
static size_t read_into(mt_stream_t *s, uint8_t *buf, size_t n) {
    size_t done = unread(s) < n ? unread(s) : n;
    if (done > 0) {
        memcpy(buf, s->rbuf + s->rpos, done);
        s->rpos += done;
    }
    while (done < n) {
        size_t got = s->ops->read(MT_OBJ_FROM_PTR(s), buf + done, n - done);
        if (got == 0) {
            break;
        }
        done += got;
    }
    return done;
}

/* append at most max bytes to v (no translation, no character counting) */
static void read_bytes(mt_stream_t *s, mt_vstr_t *v, size_t max) {
    while (max > 0) {
        size_t k = max < RAW_CHUNK ? max : RAW_CHUNK;
        uint8_t *dst = (uint8_t *)mt_vstr_extend(v, k);
        size_t got = read_into(s, dst, k);
        v->len -= k - got;
        max -= got;
        if (got < k) {
            break;
        }
    }
}

/* what was read, as str (checked UTF-8) or bytes */
static mt_obj_t finish_read(const mt_stream_t *s, mt_vstr_t *v) {
    if (!s->text) {
        return mt_bytes_new_from_vstr(v);
    }
    return mt_str_new_checked(v->buf, v->len);
}

/* the optional size argument: SIZE_MAX for None or negative */
static size_t size_arg(size_t n, const mt_obj_t *args) {
    if (n < 2 || args[1] == MT_NONE) {
        return SIZE_MAX;
    }
    mt_int_t size = mt_obj_get_int(args[1]);
    return size < 0 ? SIZE_MAX : (size_t)size;
}

static mt_obj_t stream_read(size_t n, const mt_obj_t *args) {
    mt_stream_t *s = get_readable(args[0]);
    size_t max = size_arg(n, args);
    mt_vstr_t v;
    mt_vstr_init(&v, max < RAW_CHUNK ? max : RAW_CHUNK);
    if (!s->text || (max == SIZE_MAX && !s->translate)) {
        read_bytes(s, &v, max);
    } else {
        read_units(s, &v, max, false);
    }
    return finish_read(s, &v);
}
MT_DEFINE_FUN_VAR(mt_stream_read_obj, 1, 2, stream_read);

static mt_obj_t stream_readinto(mt_obj_t self, mt_obj_t buf) {
    mt_stream_t *s = get_readable(self);
    mt_buffer_info_t info;
    mt_get_buffer_raise(buf, &info, MT_BUFFER_WRITE);
    return mt_int_from_ll((long long)read_into(s, info.buf, info.len));
}
MT_DEFINE_FUN_2(mt_stream_readinto_obj, stream_readinto);

static mt_obj_t stream_readline(size_t n, const mt_obj_t *args) {
    mt_stream_t *s = get_readable(args[0]);
    size_t max = size_arg(n, args);
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    if (max > 0) {
        read_units(s, &v, max, true);
    }
    return finish_read(s, &v);
}
MT_DEFINE_FUN_VAR(mt_stream_readline_obj, 1, 2, stream_readline);

/* the lines, until the units read reach the hint (0 or SIZE_MAX: all) */
static mt_obj_t stream_readlines(size_t n, const mt_obj_t *args) {
    mt_stream_t *s = get_readable(args[0]);
    size_t hint = size_arg(n, args), total = 0;
    mt_obj_t list = mt_list_new(0, NULL);
    while (total < hint || hint == 0) {
        mt_vstr_t v;
        mt_vstr_init(&v, 64);
        size_t got = read_units(s, &v, SIZE_MAX, true);
        if (got == 0) {
            break;
        }
        total += got;
        mt_list_append(list, finish_read(s, &v));
    }
    return list;
}
MT_DEFINE_FUN_VAR(mt_stream_readlines_obj, 1, 2, stream_readlines);

mt_obj_t mt_stream_iternext(mt_obj_t self) {
    mt_stream_t *s = get_readable(self);
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    if (read_units(s, &v, SIZE_MAX, true) == 0) {
        return MT_NULL;
    }
    return finish_read(s, &v);
}

mt_obj_t mt_stream_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    (void)buf;
    mt_stream_get(self);
    return self;
}

/* ---- writing and positioning -------------------------------------------------------------- */

/* write str to a text stream, a bytes-like object to a binary one; returns the units */
static mt_obj_t stream_write(mt_obj_t self, mt_obj_t data) {
    mt_stream_t *s = mt_stream_get(self);
    if (!s->writable) {
        mt_raise_msg(&mt_type_OSError, "not writable");
    }
    const char *p;
    size_t len, units;
    if (s->text) {
        if (!mt_obj_is_str(data)) {
            mt_raise_fmt(&mt_type_TypeError, "write() argument must be str, not %q",
                         mt_obj_type_name(data));
        }
        p = mt_str_get(data, &len);
        units = mt_str_get_charlen(data);
    } else {
        mt_buffer_info_t info;
        mt_get_buffer_raise(data, &info, MT_BUFFER_READ);
        p = info.buf;
        len = units = info.len;
    }
    drop_readahead(s);
    s->ops->write(self, p, len);
    return mt_int_from_ll((long long)units);
}
MT_DEFINE_FUN_2(mt_stream_write_obj, stream_write);

static mt_obj_t stream_seek(size_t n, const mt_obj_t *args) {
    mt_stream_t *s = mt_stream_get(args[0]);
    long long off = mt_obj_get_ll(args[1]);
    mt_int_t whence = n > 2 ? mt_obj_get_int(args[2]) : 0;
    if (whence < 0 || whence > 2) {
        mt_raise_fmt(&mt_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    if (whence == 1) {
        off -= (long long)unread(s);
    }
    long long pos = s->ops->seek(args[0], off, (int)whence);
    s->rpos = s->rlen = 0;
    return mt_int_from_ll(pos);
}
MT_DEFINE_FUN_VAR(mt_stream_seek_obj, 2, 3, stream_seek);

static mt_obj_t stream_tell(mt_obj_t self) {
    return mt_int_from_ll(mt_stream_tell_pos(mt_stream_get(self)));
}
MT_DEFINE_FUN_1(mt_stream_tell_obj, stream_tell);

/* cut at size (default: the position); returns the size */
static mt_obj_t stream_truncate(size_t n, const mt_obj_t *args) {
    mt_stream_t *s = mt_stream_get(args[0]);
    bool given = n > 1 && args[1] != MT_NONE;
    long long size = given ? mt_obj_get_ll(args[1]) : mt_stream_tell_pos(s);
    drop_readahead(s);
    s->ops->truncate(args[0], size);
    return mt_int_from_ll(size);
}
MT_DEFINE_FUN_VAR(mt_stream_truncate_obj, 1, 2, stream_truncate);

static mt_obj_t stream_flush(mt_obj_t self) {
    mt_stream_t *s = mt_stream_get(self);
    if (s->ops->flush != NULL) {
        s->ops->flush(self);
    }
    return MT_NONE;
}
MT_DEFINE_FUN_1(mt_stream_flush_obj, stream_flush);

/* also the finaliser (__del__): allocates and raises only through ops->close, which must not
 * while the GC is locked */
static mt_obj_t stream_close(mt_obj_t self) {
    if (!is_stream(self)) {
        mt_raise_type_error("expected a file object");
    }
    mt_stream_t *s = MT_OBJ_TO_PTR(self);
    if (!s->closed) {
        s->closed = true;
        s->rpos = s->rlen = 0;
        s->ops->close(self);
    }
    return MT_NONE;
}
MT_DEFINE_FUN_1(mt_stream_close_obj, stream_close);

static mt_obj_t stream_enter(mt_obj_t self) {
    mt_stream_get(self);
    return self;
}
MT_DEFINE_FUN_1(mt_stream_enter_obj, stream_enter);

static mt_obj_t stream_exit(size_t n, const mt_obj_t *args) {
    (void)n;
    return stream_close(args[0]);
}
MT_DEFINE_FUN_VAR(mt_stream_exit_obj, 1, 4, stream_exit);

/* ---- open() ------------------------------------------------------------------------------- */

const mt_arg_spec_t mt_stream_open_spec[MT_OPEN_N] = {
    {MT_QSTR_file, MT_ARG_REQUIRED, MT_NULL},
    {MT_QSTR_mode, 0, MT_ROM_QSTR(MT_QSTR_r)},
    {MT_QSTR_buffering, 0, MT_ROM_INT(-1)},
    {MT_QSTR_encoding, 0, MT_NONE},
    {MT_QSTR_errors, 0, MT_NONE},
    {MT_QSTR_newline, 0, MT_NONE},
    {MT_QSTR_closefd, 0, MT_TRUE},
    {MT_QSTR_opener, 0, MT_NONE},
};

static const char mode_chars[] = "rwaxbt+";

/* add mode character c to m; false if it is unknown or repeated */
static bool mode_char(mt_stream_mode_t *m, char c, int *seen, int *kinds, bool *text) {
    const char *k = c ? strchr(mode_chars, c) : NULL;
    if (k == NULL || (*seen & (1 << (k - mode_chars)))) {
        return false;
    }
    *seen |= 1 << (k - mode_chars);
    if (k - mode_chars < 4) {
        m->kind = c;
        (*kinds)++;
    }
    m->binary |= c == 'b';
    *text |= c == 't';
    m->plus |= c == '+';
    return true;
}

mt_stream_mode_t mt_stream_parse_mode(mt_obj_t mode) {
    if (!mt_obj_is_str(mode)) {
        mt_raise_fmt(&mt_type_TypeError, "open() argument 'mode' must be str, not %q",
                     mt_obj_type_name(mode));
    }
    size_t len;
    const char *s = mt_str_get(mode, &len);
    mt_stream_mode_t m = {0, false, false};
    int seen = 0, kinds = 0;
    bool text = false;
    for (size_t i = 0; i < len; i++) {
        if (!mode_char(&m, s[i], &seen, &kinds, &text)) {
            mt_raise_fmt(&mt_type_ValueError, "invalid mode: %R", mode);
        }
    }
    if (text && m.binary) {
        mt_raise_value_error("can't have text and binary mode at once");
    }
    if (kinds != 1) {
        mt_raise_value_error("must have exactly one of create/read/write/append mode");
    }
    return m;
}
