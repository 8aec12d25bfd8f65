/* The stream core: the methods of a file object (read, readinto, readline, readlines, write,
 * seek, tell, truncate, flush, close, iteration, `with`) written once over a const table of raw
 * operations each kind of file provides (the host's files over a descriptor, ports/unix/file.c;
 * the board's FAT files, fs/vfs_fat.c).
 *
 * A file object starts with an mt_stream_t. Text streams (str in and out, UTF-8) count
 * characters, binary streams (bytes) count bytes. Reads go through a read-ahead of
 * ops->bufsize bytes (allocated at the first read); the raw position is ahead of the logical
 * one by the bytes not yet taken, given back (a relative seek) before a write or truncate.
 * After close() every method but close raises ValueError("I/O operation on closed file."). */
#ifndef MT_STREAM_H
#define MT_STREAM_H

#include "obj.h"

/* The raw operations; `self` is the file object. Each raises its own OSError (its "errno ->
 * OSError" path) on failure and returns only on success. */
typedef struct {
    /* read at most n (> 0) bytes into buf; returns how many, 0 only at end of file */
    size_t (*read)(mt_obj_t self, void *buf, size_t n);
    /* write all n bytes */
    void (*write)(mt_obj_t self, const void *buf, size_t n);
    /* move the raw position (whence 0, 1 or 2 as SEEK_SET/CUR/END); returns the new one */
    long long (*seek)(mt_obj_t self, long long off, int whence);
    /* cut (or extend) the file to size bytes (size >= 0 not checked) */
    void (*truncate)(mt_obj_t self, long long size);
    /* push written data to the medium; NULL: writes are not buffered */
    void (*flush)(mt_obj_t self);
    /* release the raw file; called once. Also called by the finaliser, with the GC locked:
     * then it must neither allocate nor raise (mt_gc_is_locked() tells) */
    void (*close)(mt_obj_t self);
    uint16_t bufsize; /* the read-ahead's size */
} mt_stream_ops_t;

/* the head of every file object */
typedef struct {
    mt_obj_base_t base;
    const mt_stream_ops_t *ops;
    uint8_t *rbuf;       /* read-ahead, ops->bufsize bytes, NULL until the first read */
    uint16_t rpos, rlen; /* rbuf[rpos..rlen) not yet taken */
    bool closed;         /* close() ran: the raw file is gone */
    bool text;           /* str (UTF-8) rather than bytes */
    bool readable, writable;
    bool translate; /* text read: "\r\n" and "\r" become "\n" */
} mt_stream_t;

/* o as a stream (TypeError "expected a file object" if it is none), open (ValueError) */
mt_stream_t *mt_stream_get(mt_obj_t o);
/* the logical position (raw position less the read-ahead) */
long long mt_stream_tell_pos(mt_stream_t *s);

/* open()'s mode string: exactly one of r/w/a/x, then b, t, + at most once each. Raises
 * TypeError (not a str) or ValueError with CPython's messages. */
typedef struct {
    char kind;   /* 'r', 'w', 'a' or 'x' */
    bool plus;   /* '+': read and write */
    bool binary; /* 'b' */
} mt_stream_mode_t;
mt_stream_mode_t mt_stream_parse_mode(mt_obj_t mode);

/* open()'s arguments, for mt_arg_parse */
enum {
    MT_OPEN_FILE,
    MT_OPEN_MODE,
    MT_OPEN_BUFFERING,
    MT_OPEN_ENCODING,
    MT_OPEN_ERRORS,
    MT_OPEN_NEWLINE,
    MT_OPEN_CLOSEFD,
    MT_OPEN_OPENER,
    MT_OPEN_N
};
extern const mt_arg_spec_t mt_stream_open_spec[MT_OPEN_N];

/* the type slots of every file type */
mt_obj_t mt_stream_getiter(mt_obj_t self, mt_iter_buf_t *buf);
mt_obj_t mt_stream_iternext(mt_obj_t self);

extern const mt_fun_builtin_t mt_stream_read_obj, mt_stream_readinto_obj, mt_stream_readline_obj,
    mt_stream_readlines_obj, mt_stream_write_obj, mt_stream_seek_obj, mt_stream_tell_obj,
    mt_stream_truncate_obj, mt_stream_flush_obj, mt_stream_close_obj, mt_stream_enter_obj,
    mt_stream_exit_obj;

/* a file type over the stream core (attr_fn may be NULL) */
#define MT_STREAM_TYPE(id, qname, print_fn, attr_fn, locals_map)                                   \
    const mt_type_t id = {                                                                         \
        .base = {&mt_type_type},                                                                   \
        .name = qname,                                                                             \
        .flags = MT_TYPE_FLAG_ITER_IS_SELF,                                                        \
        .print = print_fn,                                                                         \
        .attr = attr_fn,                                                                           \
        .getiter = mt_stream_getiter,                                                              \
        .iternext = mt_stream_iternext,                                                            \
        .locals = locals_map,                                                                      \
    }

/* the rows every file type's locals table starts with (close is also __del__, the finaliser) */
#define MT_STREAM_LOCALS_ROWS                                                                      \
    {MT_ROM_QSTR(MT_QSTR_read), MT_ROM_PTR(&mt_stream_read_obj)},                                  \
        {MT_ROM_QSTR(MT_QSTR_readline), MT_ROM_PTR(&mt_stream_readline_obj)},                      \
        {MT_ROM_QSTR(MT_QSTR_readlines), MT_ROM_PTR(&mt_stream_readlines_obj)},                    \
        {MT_ROM_QSTR(MT_QSTR_write), MT_ROM_PTR(&mt_stream_write_obj)},                            \
        {MT_ROM_QSTR(MT_QSTR_seek), MT_ROM_PTR(&mt_stream_seek_obj)},                              \
        {MT_ROM_QSTR(MT_QSTR_tell), MT_ROM_PTR(&mt_stream_tell_obj)},                              \
        {MT_ROM_QSTR(MT_QSTR_truncate), MT_ROM_PTR(&mt_stream_truncate_obj)},                      \
        {MT_ROM_QSTR(MT_QSTR_flush), MT_ROM_PTR(&mt_stream_flush_obj)},                            \
        {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&mt_stream_close_obj)},                            \
        {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&mt_stream_enter_obj)},                        \
        {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&mt_stream_exit_obj)}, {                        \
        MT_ROM_QSTR(MT_QSTR___del__), MT_ROM_PTR(&mt_stream_close_obj)                             \
    }

#endif
