/* io: StringIO and BytesIO (in-memory streams), open, IOBase (a base for user streams).
 * Both memory streams keep a byte buffer and a byte position (as MicroPython does: for
 * non-ASCII text StringIO's tell()/seek() count bytes). */
#include "obj.h"

typedef struct {
    mt_obj_base_t base;
    mt_vstr_t buf;
    size_t pos;
    bool closed;
} memio_t;

static const mt_type_t stringio_type, bytesio_type;

static memio_t *memio(mt_obj_t self) {
    memio_t *m = MT_OBJ_TO_PTR(self);
    if (m->closed) mt_raise_value_error("I/O operation on closed file");
    return m;
}

static bool is_text(const memio_t *m) {
    return m->base.type == &stringio_type;
}

static mt_obj_t make_result(const memio_t *m, const char *p, size_t n) {
    return is_text(m) ? mt_str_new(p, n) : mt_bytes_new(p, n);
}

static mt_obj_t memio_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 1, false);
    memio_t *m = mt_new_obj(memio_t);
    m->base.type = type;
    mt_vstr_init(&m->buf, 16);
    if (n == 1 && args[0] != MT_NONE) {
        size_t len;
        const char *data;
        if (type == &stringio_type) {
            if (!mt_obj_is_str(args[0]))
                mt_raise_fmt(&mt_type_TypeError, "initial_value must be str or None, not %s",
                             mt_qstr_str(mt_type_of(args[0])->name));
            data = mt_str_data(args[0], &len);
        } else {
            mt_buffer_info_t b;
            mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
            data = b.buf;
            len = b.len;
        }
        mt_vstr_add_strn(&m->buf, data, len);
    }
    return MT_OBJ_FROM_PTR(m);
}

static mt_obj_t memio_write(mt_obj_t self, mt_obj_t data) {
    memio_t *m = memio(self);
    size_t len;
    const char *p;
    if (is_text(m)) {
        if (!mt_obj_is_str(data))
            mt_raise_fmt(&mt_type_TypeError, "string argument expected, got '%s'",
                         mt_qstr_str(mt_type_of(data)->name));
        p = mt_str_data(data, &len);
    } else {
        mt_buffer_info_t b;
        mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
        p = b.buf;
        len = b.len;
    }
    if (m->pos > m->buf.len)
        memset(mt_vstr_extend(&m->buf, m->pos - m->buf.len), 0, m->pos - m->buf.len);
    size_t overlap = m->buf.len - m->pos < len ? m->buf.len - m->pos : len;
    memcpy(m->buf.buf + m->pos, p, overlap);
    mt_vstr_add_strn(&m->buf, p + overlap, len - overlap);
    m->pos += len;
    return MT_NEW_SMALL_INT(is_text(m) ? mt_len(data) : len);
}
static MT_DEFINE_FUN_2(memio_write_obj, memio_write);

static mt_obj_t memio_read(size_t n, const mt_obj_t *args) {
    memio_t *m = memio(args[0]);
    size_t avail = m->pos < m->buf.len ? m->buf.len - m->pos : 0;
    size_t want = avail;
    if (n > 1 && args[1] != MT_NONE) {
        mt_int_t k = mt_obj_get_int(args[1]);
        if (k >= 0 && (size_t)k < avail) want = (size_t)k;
    }
    if (is_text(m)) { /* k counts characters: extend to whole UTF-8 sequences */
        size_t chars = want, i = m->pos;
        if (n > 1 && args[1] != MT_NONE && mt_obj_get_int(args[1]) >= 0) {
            for (; chars > 0 && i < m->buf.len; chars--)
                for (i++; i < m->buf.len && ((uint8_t)m->buf.buf[i] & 0xc0) == 0x80; i++) {
                }
            want = i - m->pos;
        }
    }
    mt_obj_t r = make_result(m, m->buf.buf + m->pos, want);
    m->pos += want;
    return r;
}
static MT_DEFINE_FUN_VAR(memio_read_obj, 1, 2, memio_read);

static mt_obj_t memio_readline(size_t n, const mt_obj_t *args) {
    memio_t *m = memio(args[0]);
    size_t end = m->pos;
    mt_int_t limit = n > 1 && args[1] != MT_NONE ? mt_obj_get_int(args[1]) : -1;
    while (end < m->buf.len && (limit < 0 || (mt_int_t)(end - m->pos) < limit)) {
        if (m->buf.buf[end++] == '\n') break;
    }
    if (end < m->pos) end = m->pos;
    mt_obj_t r = make_result(m, m->buf.buf + m->pos, end - m->pos);
    m->pos = end;
    return r;
}
static MT_DEFINE_FUN_VAR(memio_readline_obj, 1, 2, memio_readline);

static mt_obj_t memio_readlines(mt_obj_t self) {
    mt_obj_t list = mt_list_new(0, NULL);
    for (;;) {
        mt_obj_t line = memio_readline(1, &self);
        if (!mt_is_true(line)) return list;
        mt_list_append(list, line);
    }
}
static MT_DEFINE_FUN_1(memio_readlines_obj, memio_readlines);

static mt_obj_t memio_getvalue(mt_obj_t self) {
    memio_t *m = memio(self);
    return make_result(m, m->buf.buf, m->buf.len);
}
static MT_DEFINE_FUN_1(memio_getvalue_obj, memio_getvalue);

static mt_obj_t memio_seek(size_t n, const mt_obj_t *args) {
    memio_t *m = memio(args[0]);
    mt_int_t off = mt_obj_get_int(args[1]);
    mt_int_t whence = n > 2 ? mt_obj_get_int(args[2]) : 0;
    mt_int_t base = whence == 0 ? 0 : whence == 1 ? (mt_int_t)m->pos : (mt_int_t)m->buf.len;
    if (whence < 0 || whence > 2)
        mt_raise_fmt(&mt_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    if (whence == 0 && off < 0)
        mt_raise_fmt(&mt_type_ValueError, "negative seek value %d", (int)off);
    if (is_text(m) && whence != 0 && off != 0)
        mt_raise_msg(&mt_type_OSError, "Can't do nonzero cur-relative seeks");
    mt_int_t pos = base + off;
    m->pos = pos < 0 ? 0 : (size_t)pos;
    return MT_NEW_SMALL_INT(m->pos);
}
static MT_DEFINE_FUN_VAR(memio_seek_obj, 2, 3, memio_seek);

static mt_obj_t memio_tell(mt_obj_t self) {
    return MT_NEW_SMALL_INT(memio(self)->pos);
}
static MT_DEFINE_FUN_1(memio_tell_obj, memio_tell);

static mt_obj_t memio_flush(mt_obj_t self) {
    memio(self);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(memio_flush_obj, memio_flush);

static mt_obj_t memio_close(mt_obj_t self) {
    memio_t *m = MT_OBJ_TO_PTR(self);
    m->closed = true;
    return MT_NONE;
}
static MT_DEFINE_FUN_1(memio_close_obj, memio_close);

static mt_obj_t memio_enter(mt_obj_t self) {
    return self;
}
static MT_DEFINE_FUN_1(memio_enter_obj, memio_enter);

static mt_obj_t memio_exit(size_t n, const mt_obj_t *args) {
    return memio_close(args[0]);
}
static MT_DEFINE_FUN_VAR(memio_exit_obj, 1, 4, memio_exit);

static void memio_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    if (dest[0] == MT_NULL && attr == MT_QSTR_closed)
        dest[0] = MT_BOOL(((memio_t *)MT_OBJ_TO_PTR(self))->closed);
}

static mt_obj_t memio_getiter(mt_obj_t self, mt_iter_buf_t *buf) {
    return self;
}
static mt_obj_t memio_iternext(mt_obj_t self) {
    mt_obj_t line = memio_readline(1, &self);
    return mt_is_true(line) ? line : MT_NULL;
}

static const mt_map_elem_t memio_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_write), MT_ROM_PTR(&memio_write_obj)},
    {MT_ROM_QSTR(MT_QSTR_read), MT_ROM_PTR(&memio_read_obj)},
    {MT_ROM_QSTR(MT_QSTR_readline), MT_ROM_PTR(&memio_readline_obj)},
    {MT_ROM_QSTR(MT_QSTR_readlines), MT_ROM_PTR(&memio_readlines_obj)},
    {MT_ROM_QSTR(MT_QSTR_getvalue), MT_ROM_PTR(&memio_getvalue_obj)},
    {MT_ROM_QSTR(MT_QSTR_seek), MT_ROM_PTR(&memio_seek_obj)},
    {MT_ROM_QSTR(MT_QSTR_tell), MT_ROM_PTR(&memio_tell_obj)},
    {MT_ROM_QSTR(MT_QSTR_flush), MT_ROM_PTR(&memio_flush_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&memio_close_obj)},
    {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&memio_enter_obj)},
    {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&memio_exit_obj)},
};
static MT_DEFINE_CONST_MAP(memio_locals, memio_locals_table);

#define MEMIO_TYPE(var, qname)                                                                     \
    static const mt_type_t var = {                                                                 \
        .base = {&mt_type_type},                                                                   \
        .name = qname,                                                                             \
        .flags = MT_TYPE_FLAG_ITER_IS_SELF | MT_TYPE_FLAG_BASETYPE,                                \
        .make_new = memio_make_new,                                                                \
        .attr = memio_attr,                                                                        \
        .getiter = memio_getiter,                                                                  \
        .iternext = memio_iternext,                                                                \
        .locals = &memio_locals,                                                                   \
    };
MEMIO_TYPE(stringio_type, MT_QSTR_StringIO)
MEMIO_TYPE(bytesio_type, MT_QSTR_BytesIO)

/* IOBase: an empty base class for streams written in Python */
static mt_obj_t iobase_make_new(const mt_type_t *type, size_t n, size_t n_kw,
                                const mt_obj_t *args) {
    mt_obj_base_t *o = mt_new_obj(mt_obj_base_t);
    o->type = type;
    return MT_OBJ_FROM_PTR(o);
}
static const mt_type_t iobase_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_IOBase,
    .flags = MT_TYPE_FLAG_BASETYPE,
    .make_new = iobase_make_new,
};

extern mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw);
static MT_DEFINE_FUN_KW(io_open_obj, 1, mt_builtin_open);

static const mt_map_elem_t io_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_io)},
    {MT_ROM_QSTR(MT_QSTR_StringIO), MT_ROM_PTR(&stringio_type)},
    {MT_ROM_QSTR(MT_QSTR_BytesIO), MT_ROM_PTR(&bytesio_type)},
    {MT_ROM_QSTR(MT_QSTR_IOBase), MT_ROM_PTR(&iobase_type)},
    {MT_ROM_QSTR(MT_QSTR_open), MT_ROM_PTR(&io_open_obj)},
};
MT_DEFINE_MODULE(mt_module_io, io_table);
