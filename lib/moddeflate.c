/* deflate and zlib modules over lib/deflate.c.
 *
 * deflate.DeflateIO(stream, format=AUTO, wbits=0, close=False), as MicroPython documents:
 * read/readinto/readline decompress from `stream`, write compresses to it (close() ends
 * the stream and writes the trailer). Formats RAW, ZLIB, GZIP; AUTO (reading) detects zlib
 * or gzip headers. wbits 0 = the header's window (zlib) or 15; a smaller wbits bounds the
 * window RAM (2**wbits bytes). Compression uses fixed Huffman codes and a window of at
 * most 2**14 bytes (default 2**10 when wbits is 0: chip-sized).
 *
 * zlib.decompress(data, wbits=15, bufsize=0, *, max_length=0) and zlib.compress(data,
 * level=-1, wbits=15) follow CPython's wbits conventions (8..15 zlib, -8..-15 raw, 24..31
 * gzip, 40..47 auto). max_length > 0 bounds the output: a stream that would produce more
 * raises ValueError (the guard against "zip bombs"). Malformed data raises ValueError. */
#include "deflate.h"
#include "lib.h"
#include "nlr.h"

enum { FMT_AUTO = 0, FMT_RAW = 1, FMT_ZLIB = 2, FMT_GZIP = 3 };

typedef struct {
    mt_obj_base_t base;
    mt_obj_t stream;
    uint8_t format, wbits;
    bool close_stream, closed, eof, reading, writing;
    /* input buffering: data of the last stream.read() (or the whole input for zlib) */
    mt_obj_t in_obj;
    const uint8_t *in;
    size_t in_len, in_pos;
    mt_inflate_t *inf;
    mt_deflate_t *def;
    uint32_t check; /* adler32 (zlib) or crc32 (gzip) of the uncompressed data */
    uint32_t size;
} dio_t;

static const mt_type_t dio_type;

static int src_byte(void *ctx) {
    dio_t *d = ctx;
    if (d->in_pos == d->in_len) {
        if (d->stream == MT_NONE) return -1;
        d->in_obj = mt_call1(mt_load_attr(d->stream, MT_QSTR_read), MT_NEW_SMALL_INT(64));
        if (d->in_obj == MT_NONE) return -1;
        d->in = (const uint8_t *)mt_str_data(d->in_obj, &d->in_len);
        d->in_pos = 0;
        if (d->in_len == 0) return -1;
    }
    return d->in[d->in_pos++];
}

static int need_byte(dio_t *d) {
    int b = src_byte(d);
    if (b < 0) mt_raise_value_error("truncated header");
    return b;
}

static int peek_byte(dio_t *d, size_t k) { /* only used on in-memory input or first chunk */
    if (d->in_pos == d->in_len && src_byte(d) >= 0) d->in_pos--;
    return d->in_pos + k < d->in_len ? d->in[d->in_pos + k] : -1;
}

static void gzip_header(dio_t *d) {
    if (need_byte(d) != 0x1f || need_byte(d) != 0x8b || need_byte(d) != 8)
        mt_raise_value_error("invalid gzip header");
    int flags = need_byte(d);
    for (int i = 0; i < 6; i++) need_byte(d);
    if (flags & 4) {
        int n = need_byte(d);
        n |= need_byte(d) << 8;
        while (n--) need_byte(d);
    }
    if (flags & 8)
        while (need_byte(d) != 0) {
        }
    if (flags & 16)
        while (need_byte(d) != 0) {
        }
    if (flags & 2) need_byte(d), need_byte(d);
}

static int zlib_header(dio_t *d) {
    int cmf = need_byte(d), flg = need_byte(d);
    if ((cmf & 15) != 8 || (cmf * 256 + flg) % 31 != 0) mt_raise_value_error("invalid zlib header");
    if (flg & 32) mt_raise_value_error("zlib preset dictionary not supported");
    return (cmf >> 4) + 8;
}

/* window bits for a one-shot decompression's first try (see zlib_decompress) */
static int try_wbits;

static void start_reading(dio_t *d) {
    int wbits = d->wbits ? d->wbits : 15;
    int fmt = d->format;
    if (fmt == FMT_AUTO)
        fmt = peek_byte(d, 0) == 0x1f && peek_byte(d, 1) == 0x8b ? FMT_GZIP : FMT_ZLIB;
    d->format = (uint8_t)fmt;
    if (fmt == FMT_GZIP) gzip_header(d);
    if (fmt == FMT_ZLIB) {
        int hdr = zlib_header(d);
        if (d->wbits == 0)
            wbits = hdr;
        else if (hdr > wbits)
            mt_raise_value_error("zlib window larger than wbits");
    }
    d->check = fmt == FMT_ZLIB ? 1 : 0;
    if (try_wbits && try_wbits < wbits) wbits = try_wbits;
    d->inf = mt_new_obj(mt_inflate_t);
    mt_inflate_init(d->inf, wbits, src_byte, d);
    d->reading = true;
}

static uint32_t trailer_word(dio_t *d, bool big_endian) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int b = mt_inflate_byte(d->inf);
        if (b < 0) mt_raise_value_error("truncated trailer");
        v = big_endian ? v << 8 | (uint32_t)b : v | (uint32_t)b << (8 * i);
    }
    return v;
}

static void check_trailer(dio_t *d) {
    if (d->format == FMT_ZLIB && trailer_word(d, true) != d->check)
        mt_raise_value_error("incorrect data check");
    if (d->format == FMT_GZIP) {
        if (trailer_word(d, false) != d->check) mt_raise_value_error("incorrect data check");
        if (trailer_word(d, false) != d->size) mt_raise_value_error("incorrect length check");
    }
}

/* decompress up to n bytes into out */
static size_t dio_read_into(dio_t *d, uint8_t *out, size_t n) {
    if (d->closed) mt_raise_value_error("I/O operation on closed file");
    if (d->writing) mt_raise_oserror(1 /* EPERM */);
    if (!d->reading) start_reading(d);
    if (d->eof) return 0;
    size_t k = mt_inflate_read(d->inf, out, n);
    if (d->format == FMT_ZLIB) d->check = mt_adler32(d->check, out, k);
    if (d->format == FMT_GZIP) d->check = mt_crc32(d->check, out, k);
    d->size += (uint32_t)k;
    if (k < n) {
        d->eof = true;
        check_trailer(d);
    }
    return k;
}

static mt_obj_t dio_read(size_t n, const mt_obj_t *args) {
    dio_t *d = MT_OBJ_TO_PTR(args[0]);
    mt_int_t want = n > 1 && args[1] != MT_NONE ? mt_obj_get_int(args[1]) : -1;
    mt_vstr_t v;
    mt_vstr_init(&v, want >= 0 ? (size_t)want + 1 : 256);
    for (;;) {
        size_t chunk = want >= 0 ? (size_t)want - v.len : 256;
        if (chunk == 0) break;
        uint8_t *p = (uint8_t *)mt_vstr_extend(&v, chunk);
        size_t k = dio_read_into(d, p, chunk);
        v.len -= chunk - k;
        if (k < chunk) break;
    }
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_VAR(dio_read_obj, 1, 2, dio_read);

static mt_obj_t dio_readinto(mt_obj_t self, mt_obj_t buf) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(buf, &b, MT_BUFFER_WRITE);
    return MT_NEW_SMALL_INT(dio_read_into(MT_OBJ_TO_PTR(self), b.buf, b.len));
}
static MT_DEFINE_FUN_2(dio_readinto_obj, dio_readinto);

static mt_obj_t dio_readline(mt_obj_t self) {
    mt_vstr_t v;
    mt_vstr_init(&v, 64);
    uint8_t c;
    while (dio_read_into(MT_OBJ_TO_PTR(self), &c, 1) == 1) {
        mt_vstr_add_byte(&v, c);
        if (c == '\n') break;
    }
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_1(dio_readline_obj, dio_readline);

static void sink_stream(void *ctx, const uint8_t *p, size_t n) {
    dio_t *d = ctx;
    mt_call1(mt_load_attr(d->stream, MT_QSTR_write), mt_bytes_new(p, n));
}

static void put_header(dio_t *d, int wbits) {
    if (d->format == FMT_ZLIB) {
        uint8_t h[2] = {(uint8_t)((wbits - 8) << 4 | 8), 0};
        h[1] = (uint8_t)(31 - (h[0] * 256) % 31);
        d->def->sink(d, h, 2);
        d->check = 1;
    } else if (d->format == FMT_GZIP) {
        static const uint8_t h[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255};
        d->def->sink(d, h, 10);
    }
}

static void start_writing(dio_t *d, mt_deflate_sink_t sink) {
    int wbits = d->wbits ? d->wbits : 10;
    if (wbits < 9) wbits = 9;
    if (wbits > MT_CONFIG_DEFLATE_MAX_WBITS) wbits = MT_CONFIG_DEFLATE_MAX_WBITS;
    if (d->format == FMT_AUTO) d->format = FMT_ZLIB;
    d->def = mt_new_obj(mt_deflate_t);
    mt_deflate_init(d->def, wbits, sink, d);
    put_header(d, wbits);
    d->writing = true;
}

static void dio_feed(dio_t *d, const uint8_t *p, size_t n) {
    if (d->closed) mt_raise_value_error("I/O operation on closed file");
    if (d->reading) mt_raise_oserror(1 /* EPERM */);
    if (!d->writing) start_writing(d, sink_stream);
    if (d->format == FMT_ZLIB) d->check = mt_adler32(d->check, p, n);
    if (d->format == FMT_GZIP) d->check = mt_crc32(d->check, p, n);
    d->size += (uint32_t)n;
    mt_deflate_write(d->def, p, n);
}

static mt_obj_t dio_write(mt_obj_t self, mt_obj_t data) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    dio_feed(MT_OBJ_TO_PTR(self), b.buf, b.len);
    return MT_NEW_SMALL_INT(b.len);
}
static MT_DEFINE_FUN_2(dio_write_obj, dio_write);

static void finish_writing(dio_t *d) {
    mt_deflate_finish(d->def);
    uint8_t t[8];
    if (d->format == FMT_ZLIB) {
        for (int i = 0; i < 4; i++) t[i] = (uint8_t)(d->check >> (24 - 8 * i));
        d->def->sink(d, t, 4);
    } else if (d->format == FMT_GZIP) {
        for (int i = 0; i < 4; i++)
            t[i] = (uint8_t)(d->check >> (8 * i)), t[4 + i] = (uint8_t)(d->size >> (8 * i));
        d->def->sink(d, t, 8);
    }
}

static mt_obj_t dio_close(mt_obj_t self) {
    dio_t *d = MT_OBJ_TO_PTR(self);
    if (d->closed) return MT_NONE;
    if (d->writing) finish_writing(d);
    d->closed = true;
    if (d->close_stream) mt_call0(mt_load_attr(d->stream, MT_QSTR_close));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(dio_close_obj, dio_close);

static mt_obj_t dio_enter(mt_obj_t self) {
    return self;
}
static MT_DEFINE_FUN_1(dio_enter_obj, dio_enter);
static mt_obj_t dio_exit(size_t n, const mt_obj_t *args) {
    return dio_close(args[0]);
}
static MT_DEFINE_FUN_VAR(dio_exit_obj, 1, 4, dio_exit);

static const mt_map_elem_t dio_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_read), MT_ROM_PTR(&dio_read_obj)},
    {MT_ROM_QSTR(MT_QSTR_readinto), MT_ROM_PTR(&dio_readinto_obj)},
    {MT_ROM_QSTR(MT_QSTR_readline), MT_ROM_PTR(&dio_readline_obj)},
    {MT_ROM_QSTR(MT_QSTR_write), MT_ROM_PTR(&dio_write_obj)},
    {MT_ROM_QSTR(MT_QSTR_close), MT_ROM_PTR(&dio_close_obj)},
    {MT_ROM_QSTR(MT_QSTR___enter__), MT_ROM_PTR(&dio_enter_obj)},
    {MT_ROM_QSTR(MT_QSTR___exit__), MT_ROM_PTR(&dio_exit_obj)},
};
static MT_DEFINE_CONST_MAP(dio_locals, dio_locals_table);

static dio_t *dio_new(mt_obj_t stream, mt_int_t format, mt_int_t wbits) {
    if (format < FMT_AUTO || format > FMT_GZIP) mt_raise_value_error("invalid format");
    if (wbits != 0 && (wbits < 8 || wbits > 15)) mt_raise_value_error("invalid wbits");
    dio_t *d = mt_new_obj(dio_t);
    d->base.type = &dio_type;
    d->stream = stream;
    d->format = (uint8_t)format;
    d->wbits = (uint8_t)wbits;
    return d;
}

static mt_obj_t dio_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_stream, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_format, 0, MT_NEW_SMALL_INT(FMT_AUTO)},
        {MT_QSTR_wbits, 0, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_close, 0, MT_FALSE},
    };
    mt_map_t kw;
    mt_map_init_fixed(&kw, (const mt_map_elem_t *)(args + n), n_kw);
    mt_obj_t a[4];
    mt_arg_parse(n, args, &kw, 4, spec, a);
    dio_t *d = dio_new(a[0], mt_obj_get_int(a[1]), mt_obj_get_int(a[2]));
    d->close_stream = mt_is_true(a[3]);
    return MT_OBJ_FROM_PTR(d);
}

static const mt_type_t dio_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_DeflateIO,
    .make_new = dio_make_new,
    .locals = &dio_locals,
};

static const mt_map_elem_t deflate_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_deflate)},
    {MT_ROM_QSTR(MT_QSTR_DeflateIO), MT_ROM_PTR(&dio_type)},
    {MT_ROM_QSTR(MT_QSTR_AUTO), MT_ROM_INT(FMT_AUTO)},
    {MT_ROM_QSTR(MT_QSTR_RAW), MT_ROM_INT(FMT_RAW)},
    {MT_ROM_QSTR(MT_QSTR_ZLIB), MT_ROM_INT(FMT_ZLIB)},
    {MT_ROM_QSTR(MT_QSTR_GZIP), MT_ROM_INT(FMT_GZIP)},
};
MT_DEFINE_MODULE(mt_module_deflate, deflate_table);

/* ---- zlib: CPython's one-shot functions */

/* CPython wbits -> (format, window bits) */
static dio_t *zlib_dio(mt_obj_t wbits_obj) {
    mt_int_t w = mt_obj_get_int(wbits_obj);
    int fmt = FMT_ZLIB;
    if (w >= 8 && w <= 15)
        fmt = FMT_ZLIB;
    else if (w >= -15 && w <= -8)
        fmt = FMT_RAW, w = -w;
    else if (w >= 24 && w <= 31)
        fmt = FMT_GZIP, w -= 16;
    else if (w >= 40 && w <= 47)
        fmt = FMT_AUTO, w -= 32;
    else if (w == 0)
        fmt = FMT_ZLIB;
    else
        mt_raise_value_error("Invalid initialization option");
    return dio_new(MT_NONE, fmt, w);
}

/* one attempt with the window limited to 2**window_bits (0: as the stream says) */
static mt_obj_t decompress_with(mt_obj_t data, mt_obj_t wbits, mt_int_t limit, int window_bits,
                                bool *too_far) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    dio_t *d = zlib_dio(wbits);
    d->in = b.buf;
    d->in_len = b.len;
    d->in_obj = data;
    mt_vstr_t v;
    mt_vstr_init(&v, b.len * 2 + 16);
    mt_nlr_buf_t nlr;
    try_wbits = window_bits;
    if (mt_nlr_push(&nlr) != 0) {
        try_wbits = 0;
        *too_far = d->inf != NULL && d->inf->too_far;
        if (*too_far && window_bits) return MT_NULL;
        mt_raise(nlr.ret_val);
    }
    for (;;) {
        uint8_t *p = (uint8_t *)mt_vstr_extend(&v, 1024);
        size_t k = dio_read_into(d, p, 1024);
        v.len -= 1024 - k;
        if (limit > 0 && v.len > (size_t)limit)
            mt_raise_value_error("decompressed data exceeds max_length");
        if (k < 1024) break;
    }
    mt_nlr_pop();
    try_wbits = 0;
    return mt_bytes_new_from_vstr(&v);
}

/* The window is first limited to 4 KB: most streams (all from small inputs) never refer
 * further back, and a 32 KB window does not fit the chip's heap. A stream that does is
 * decompressed again with the window its header asks for. */
static mt_obj_t zlib_decompress(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_data, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_wbits, 0, MT_NEW_SMALL_INT(15)},
        {MT_QSTR_bufsize, 0, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_max_length, MT_ARG_KW_ONLY, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[4];
    mt_arg_parse(n, args, kw, 4, spec, a);
    mt_int_t limit = mt_obj_get_int(a[3]);
    bool too_far = false;
    mt_obj_t r = decompress_with(a[0], a[1], limit, 12, &too_far);
    if (r == MT_NULL) r = decompress_with(a[0], a[1], limit, 0, &too_far);
    return r;
}
static MT_DEFINE_FUN_KW(zlib_decompress_obj, 1, zlib_decompress);

static void sink_vstr(void *ctx, const uint8_t *p, size_t n) {
    dio_t *d = ctx;
    mt_vstr_add_strn((mt_vstr_t *)MT_OBJ_TO_PTR(d->in_obj), (const char *)p, n);
}

static mt_obj_t zlib_compress(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_data, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_level, 0, MT_NEW_SMALL_INT(-1)},
        {MT_QSTR_wbits, 0, MT_NEW_SMALL_INT(15)},
    };
    mt_obj_t a[3];
    mt_arg_parse(n, args, kw, 3, spec, a);
    mt_buffer_info_t b;
    mt_get_buffer_raise(a[0], &b, MT_BUFFER_READ);
    mt_int_t level = mt_obj_get_int(a[1]);
    if (level < -1 || level > 9) mt_raise_value_error("Bad compression level");
    dio_t *d = zlib_dio(a[2]);
    if (d->format == FMT_AUTO) mt_raise_value_error("Invalid initialization option");
    mt_vstr_t *out = mt_new_obj(mt_vstr_t);
    mt_vstr_init(out, b.len / 2 + 32);
    d->in_obj = MT_OBJ_FROM_PTR(out); /* where sink_vstr appends (kept reachable) */
    start_writing(d, sink_vstr);
    dio_feed(d, b.buf, b.len);
    finish_writing(d);
    return mt_bytes_new_from_vstr(out);
}
static MT_DEFINE_FUN_KW(zlib_compress_obj, 1, zlib_compress);

static mt_obj_t zlib_crc32(size_t n, const mt_obj_t *args) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
    uint32_t start = n > 1 ? (uint32_t)(mt_obj_get_ll(args[1]) & 0xffffffff) : 0;
    return mt_int_from_ull(mt_crc32(start, b.buf, b.len));
}
static MT_DEFINE_FUN_VAR(zlib_crc32_obj, 1, 2, zlib_crc32);

static mt_obj_t zlib_adler32(size_t n, const mt_obj_t *args) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
    uint32_t start = n > 1 ? (uint32_t)(mt_obj_get_ll(args[1]) & 0xffffffff) : 1;
    return mt_int_from_ull(mt_adler32(start, b.buf, b.len));
}
static MT_DEFINE_FUN_VAR(zlib_adler32_obj, 1, 2, zlib_adler32);

static const mt_map_elem_t zlib_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_zlib)},
    {MT_ROM_QSTR(MT_QSTR_decompress), MT_ROM_PTR(&zlib_decompress_obj)},
    {MT_ROM_QSTR(MT_QSTR_compress), MT_ROM_PTR(&zlib_compress_obj)},
    {MT_ROM_QSTR(MT_QSTR_crc32), MT_ROM_PTR(&zlib_crc32_obj)},
    {MT_ROM_QSTR(MT_QSTR_adler32), MT_ROM_PTR(&zlib_adler32_obj)},
    {MT_ROM_QSTR(MT_QSTR_MAX_WBITS), MT_ROM_INT(15)},
    {MT_ROM_QSTR(MT_QSTR_error), MT_ROM_PTR(&mt_type_ValueError)},
};
MT_DEFINE_MODULE(mt_module_zlib, zlib_table);
