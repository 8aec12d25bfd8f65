/* Precompiled bytecode files (.mpy): writer and loader (format: docs/bytecode-format.md).
 * The loader trusts nothing in the image: every length, index, jump and constant is checked
 * against the bounds of the buffer and of the code object it builds, so a bad file raises
 * ValueError and never makes the VM read outside its tables. */
#include "persist.h"

#include <string.h>

#include "hal.h"
#include "nlr.h"
#include "state.h"
#include "runtime.h"
#include "types/num.h"
#include "types/str.h"
#include "vm.h"

#define MAGIC0 'M'
#define MAGIC1 'T'
/* magic 2, version, small-int bits, float format, opcode count, 2 reserved, CRC-32 */
#define HEADER_LEN   12
#define FLOAT_IEEE64 1

/* constant kinds */
enum {
    K_NONE = 'n',
    K_TRUE = 'T',
    K_FALSE = 'F',
    K_ELLIPSIS = 'e',
    K_SMALL = 'i', /* zigzag varint */
    K_BIG = 'I',   /* varint n, n bytes little-endian two's complement */
    K_FLOAT = 'f', /* IEEE binary64, little-endian */
    K_COMPLEX = 'j',
    K_QSTR = 'q', /* index into the file's name table */
    K_STR = 's',  /* varint n, n bytes UTF-8 */
    K_BYTES = 'b',
    K_TUPLE = 't', /* varint n, n constants */
    K_CODE = 'c',  /* a nested code object */
};

/* CRC-32 (IEEE), bitwise: files are small and loaded once */
static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xffffffff;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c;
}

/* ---- writer ----------------------------------------------------------------------------- */

typedef struct {
    mt_vstr_t *out;
    mt_qstr_t *qstrs; /* the file's name table */
    size_t n_qstrs, alloc_qstrs;
    int int_bits;
} writer_t;

static void put_uint(mt_vstr_t *v, uint64_t x) {
    do {
        uint8_t b = x & 0x7f;
        x >>= 7;
        mt_vstr_add_byte(v, b | (x ? 0x80 : 0));
    } while (x);
}

static void put_sint(mt_vstr_t *v, int64_t x) {
    put_uint(v, ((uint64_t)x << 1) ^ (uint64_t)(x >> 63));
}

static void put_bytes(mt_vstr_t *v, const void *p, size_t n) {
    put_uint(v, n);
    mt_vstr_add_strn(v, p, n);
}

static void put_qstr(writer_t *w, mt_qstr_t q) {
    size_t i = 0;
    while (i < w->n_qstrs && w->qstrs[i] != q) i++;
    if (i == w->n_qstrs) {
        if (w->n_qstrs == w->alloc_qstrs) {
            w->alloc_qstrs = w->alloc_qstrs * 2 + 16;
            w->qstrs = mt_realloc(w->qstrs, w->alloc_qstrs * sizeof(mt_qstr_t));
        }
        w->qstrs[w->n_qstrs++] = q;
    }
    put_uint(w->out, i);
}

static void put_double(mt_vstr_t *v, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    for (int i = 0; i < 8; i++) mt_vstr_add_byte(v, (uint8_t)(u >> (8 * i)));
}

static void save_code(writer_t *w, const mt_code_t *code);

static void save_int(writer_t *w, mt_obj_t o) {
    mt_vstr_t *v = w->out;
    size_t bits = mt_int_bit_length(o);
    if (bits < (size_t)w->int_bits && bits < 63) {
        mt_vstr_add_byte(v, K_SMALL);
        put_sint(v, (int64_t)mt_obj_get_int(o));
        return;
    }
    size_t n = bits / 8 + 1;
    mt_vstr_add_byte(v, K_BIG);
    put_uint(v, n);
    mt_int_to_bytes(o, n, false, true, (uint8_t *)mt_vstr_extend(v, n));
}

static void save_const(writer_t *w, mt_obj_t o) {
    mt_vstr_t *v = w->out;
    size_t n;
    if (o == MT_NONE || o == MT_TRUE || o == MT_FALSE || o == MT_ELLIPSIS) {
        mt_vstr_add_byte(v, o == MT_NONE    ? K_NONE
                            : o == MT_TRUE  ? K_TRUE
                            : o == MT_FALSE ? K_FALSE
                                            : K_ELLIPSIS);
    } else if (MT_IS_QSTR(o)) {
        mt_vstr_add_byte(v, K_QSTR);
        put_qstr(w, MT_QSTR_VALUE(o));
    } else if (MT_IS_SMALL_INT(o) || MT_IS_TYPE(o, &mt_type_int)) {
        save_int(w, o);
    } else if (MT_IS_TYPE(o, &mt_type_float)) {
        mt_vstr_add_byte(v, K_FLOAT);
        put_double(v, mt_obj_get_float(o));
    } else if (MT_IS_TYPE(o, &mt_type_complex)) {
        mt_float_t re, im;
        mt_obj_get_complex_maybe(o, &re, &im);
        mt_vstr_add_byte(v, K_COMPLEX);
        put_double(v, re);
        put_double(v, im);
    } else if (MT_IS_TYPE(o, &mt_type_str) || MT_IS_TYPE(o, &mt_type_bytes)) {
        const char *s = mt_str_data(o, &n);
        mt_vstr_add_byte(v, MT_IS_TYPE(o, &mt_type_str) ? K_STR : K_BYTES);
        put_bytes(v, s, n);
    } else if (MT_IS_TYPE(o, &mt_type_tuple)) {
        mt_obj_t *items;
        mt_tuple_get(o, &n, &items);
        mt_vstr_add_byte(v, K_TUPLE);
        put_uint(v, n);
        for (size_t i = 0; i < n; i++) save_const(w, items[i]);
    } else if (MT_IS_TYPE(o, &mt_type_code)) {
        mt_vstr_add_byte(v, K_CODE);
        save_code(w, MT_OBJ_TO_PTR(o));
    } else {
        mt_raise_fmt(&mt_type_ValueError, "can't save constant of type '%q'", mt_type_of(o)->name);
    }
}

static void save_code(writer_t *w, const mt_code_t *c) {
    mt_vstr_t *v = w->out;
    const uint32_t fields[] = {c->flags,    c->n_pos,  c->n_posonly,  c->n_kwonly,  c->block_depth,
                               c->n_locals, c->n_free, c->stack_size, c->first_line};
    for (size_t i = 0; i < MT_ARRAY_SIZE(fields); i++) put_uint(v, fields[i]);
    put_qstr(w, c->name);
    put_qstr(w, c->qualname);
    put_qstr(w, c->filename);
    put_uint(v, c->n_names);
    for (size_t i = 0; i < c->n_names; i++) put_qstr(w, MT_CODE_NAMES(c)[i]);
    for (size_t i = 0; i < c->n_locals; i++) put_qstr(w, MT_CODE_VARNAMES(c)[i]);
    put_bytes(v, MT_CODE_BYTECODE(c), c->code_len);
    put_bytes(v, MT_CODE_LINES(c), c->lines_len);
    put_uint(v, c->n_consts);
    for (size_t i = 0; i < c->n_consts; i++) save_const(w, MT_CODE_CONSTS(c)[i]);
}

void mt_persist_save(const mt_code_t *code, int small_int_bits, mt_vstr_t *out) {
    mt_vstr_t body;
    mt_vstr_init(&body, 256);
    writer_t w = {&body, NULL, 0, 0, small_int_bits};
    save_code(&w, code);
    uint8_t hdr[HEADER_LEN] = {
        MAGIC0, MAGIC1, MT_PERSIST_VERSION, (uint8_t)small_int_bits, FLOAT_IEEE64, MT_OP_COUNT,
        0,      0};
    size_t start = out->len;
    mt_vstr_add_strn(out, (const char *)hdr, HEADER_LEN);
    put_uint(out, w.n_qstrs);
    for (size_t i = 0; i < w.n_qstrs; i++) {
        size_t n;
        const char *s = mt_qstr_data(w.qstrs[i], &n);
        put_bytes(out, s, n);
    }
    mt_vstr_add_strn(out, body.buf, body.len);
    mt_vstr_clear(&body);
    uint32_t crc =
        crc32((const uint8_t *)out->buf + start + HEADER_LEN, out->len - start - HEADER_LEN);
    for (int i = 0; i < 4; i++) out->buf[start + 8 + i] = (char)(crc >> (8 * i));
}

/* ---- loader ------------------------------------------------------------------------------ */

typedef struct {
    const uint8_t *p, *end;
    mt_qstr_t *qstrs;
    size_t n_qstrs;
    int depth;
} reader_t;

MT_NORETURN static void bad(const char *what) {
    mt_raise_fmt(&mt_type_ValueError, "incompatible .mpy file: %s", what);
}

static uint8_t get_byte(reader_t *r) {
    if (r->p >= r->end) bad("truncated");
    return *r->p++;
}

static uint64_t get_uint(reader_t *r) {
    uint64_t x = 0;
    for (int shift = 0;; shift += 7) {
        uint8_t b = get_byte(r);
        if (shift > 63 || (shift == 63 && (b & 0x7e))) bad("varint too long");
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) return x;
    }
}

/* a count or length no larger than max */
static size_t get_count(reader_t *r, uint64_t max, const char *what) {
    uint64_t x = get_uint(r);
    if (x > max) bad(what);
    return (size_t)x;
}

static const uint8_t *get_span(reader_t *r, size_t *n) {
    *n = get_count(r, (size_t)(r->end - r->p), "truncated");
    const uint8_t *s = r->p;
    r->p += *n;
    return s;
}

static mt_qstr_t get_qstr(reader_t *r) {
    uint64_t i = get_uint(r);
    if (i >= r->n_qstrs) bad("bad name index");
    return r->qstrs[i];
}

static double get_double(reader_t *r) {
    if (r->end - r->p < 8) bad("truncated");
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) u |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static mt_code_t *load_code(reader_t *r);

static mt_obj_t load_str(reader_t *r, bool is_str) {
    size_t n, charlen;
    const uint8_t *s = get_span(r, &n);
    if (!is_str) return mt_bytes_new(s, n);
    if (!mt_utf8_validate(s, n, &charlen)) bad("invalid UTF-8 in a str constant");
    return mt_str_new((const char *)s, n);
}

static mt_obj_t load_const(reader_t *r) {
    uint8_t k = get_byte(r);
    size_t n;
    switch (k) {
    case K_NONE: return MT_NONE;
    case K_TRUE: return MT_TRUE;
    case K_FALSE: return MT_FALSE;
    case K_ELLIPSIS: return MT_ELLIPSIS;
    case K_QSTR: return MT_NEW_QSTR(get_qstr(r));
    case K_STR:
    case K_BYTES: return load_str(r, k == K_STR);
    case K_FLOAT: return mt_float_new((mt_float_t)get_double(r));
    case K_COMPLEX: {
        double re = get_double(r);
        return mt_complex_new((mt_float_t)re, (mt_float_t)get_double(r));
    }
    case K_SMALL: {
        uint64_t z = get_uint(r);
        return mt_int_from_ll((long long)(z >> 1) ^ -(long long)(z & 1));
    }
    case K_BIG: {
        const uint8_t *s = get_span(r, &n);
        if (n == 0) bad("empty big int");
        return mt_int_from_bytes(s, n, false, true);
    }
    case K_TUPLE: {
        n = get_count(r, (size_t)(r->end - r->p), "truncated");
        mt_obj_t t = mt_tuple_new(n, NULL);
        mt_obj_t *items;
        mt_tuple_get(t, &n, &items);
        if (++r->depth > 32) bad("constants nested too deeply");
        for (size_t i = 0; i < n; i++) items[i] = load_const(r);
        r->depth--;
        return t;
    }
    case K_CODE: return MT_OBJ_FROM_PTR(load_code(r));
    default: bad("unknown constant kind");
    }
}

static bool is_code(mt_obj_t o) {
    return MT_IS_OBJ(o) && MT_IS_TYPE(o, &mt_type_code);
}

/* one varint operand of an instruction inside [p, end), below limit; *val gets it */
static const uint8_t *operand(const uint8_t *p, const uint8_t *end, uint64_t limit, uint64_t *val) {
    uint64_t x = 0;
    for (int shift = 0;; shift += 7) {
        if (p >= end || shift > 56) bad("bad bytecode operand");
        x |= (uint64_t)(*p & 0x7f) << shift;
        if (!(*p++ & 0x80)) break;
    }
    if (x >= limit) bad("bytecode operand out of range");
    *val = x;
    return p;
}

/* the first pass: every instruction decodes inside the code and its operands index the
 * tables; starts[] marks instruction starts; returns the opcode of the last instruction */
static uint8_t check_ops(const mt_code_t *c, uint8_t *starts) {
    const uint8_t *code = MT_CODE_BYTECODE(c), *p = code, *end = code + c->code_len;
    const uint64_t any = UINT64_MAX;
    uint8_t op = MT_OP_NOP;
    uint64_t x = 0, y;
    while (p < end) {
        size_t at = p - code;
        starts[at / 8] |= 1 << (at % 8);
        op = *p++;
        if (op >= MT_OP_COUNT) bad("unknown opcode");
        switch (mt_opcode_operand_kind[op]) {
        case MT_OPK_NONE: break;
        case MT_OPK_UINT:
        case MT_OPK_SINT: p = operand(p, end, any, &x); break;
        case MT_OPK_NAME: p = operand(p, end, c->n_names, &x); break;
        case MT_OPK_CONST: p = operand(p, end, c->n_consts, &x); break;
        case MT_OPK_LOCAL: p = operand(p, end, c->n_locals, &x); break;
        case MT_OPK_JUMP:
            if (end - p < 2) bad("bad jump");
            p += 2;
            break;
        case MT_OPK_UINT2: p = operand(operand(p, end, any, &x), end, any, &y); break;
        case MT_OPK_NAMEU: p = operand(operand(p, end, c->n_names, &x), end, any, &y); break;
        case MT_OPK_CONSTU: p = operand(operand(p, end, c->n_consts, &x), end, any, &y); break;
        }
        if (op == MT_OP_MAKE_FUNCTION && !is_code(MT_CODE_CONSTS(c)[x])) {
            bad("MAKE_FUNCTION of a non-code constant");
        }
    }
    return op;
}

/* the second pass: jumps land on instruction starts inside the code */
static void check_jumps(const mt_code_t *c, const uint8_t *starts) {
    const uint8_t *code = MT_CODE_BYTECODE(c), *p = code, *end = code + c->code_len;
    uint64_t x;
    while (p < end) {
        uint8_t op = *p++;
        uint8_t kind = mt_opcode_operand_kind[op];
        if (kind == MT_OPK_JUMP) {
            int16_t off = (int16_t)(p[0] | (p[1] << 8));
            p += 2;
            long t = (long)(p - code) + off;
            if (t < 0 || t >= (long)c->code_len || !(starts[t / 8] & (1 << (t % 8)))) {
                bad("bad jump target");
            }
            continue;
        }
        int n = kind == MT_OPK_NONE ? 0 : kind >= MT_OPK_UINT2 ? 2 : 1;
        for (int i = 0; i < n; i++) p = operand(p, end, UINT64_MAX, &x);
    }
}

/* the line table decodes exactly within lines_len */
static void check_lines(const mt_code_t *c) {
    const uint8_t *p = MT_CODE_LINES(c), *end = p + c->lines_len;
    uint64_t x;
    while (p < end) p = operand(operand(p, end, UINT64_MAX, &x), end, UINT64_MAX, &x);
}

static void check_code(const mt_code_t *c) {
    size_t params =
        c->n_pos + c->n_kwonly + !!(c->flags & MT_CODE_VARARGS) + !!(c->flags & MT_CODE_VARKW);
    if (c->n_posonly > c->n_pos || params > c->n_locals || c->n_free > c->n_locals) {
        bad("bad parameter counts");
    }
    if (c->code_len == 0) bad("empty code");
    uint8_t *starts = mt_alloc(c->code_len / 8 + 1);
    uint8_t last = check_ops(c, starts);
    if (last != MT_OP_RETURN_VALUE && last != MT_OP_JUMP && last != MT_OP_RAISE_VARARGS &&
        last != MT_OP_RERAISE_EXC && last != MT_OP_EXC_CLEANUP) {
        bad("code runs off its end");
    }
    check_jumps(c, starts);
    mt_free(starts);
    check_lines(c);
}

/* the fixed fields of a code object, in file order */
enum { F_FLAGS, F_POS, F_POSONLY, F_KWONLY, F_BLOCKS, F_LOCALS, F_FREE, F_STACK, F_LINE, F_N };

static mt_code_t *load_code(reader_t *r) {
    static const uint32_t max[F_N] = {0x1ff,  255,    255,    255,       255,
                                      0xffff, 0xffff, 0xffff, 0xffffffff};
    if (++r->depth > 64) bad("code nested too deeply");
    uint32_t f[F_N];
    for (int i = 0; i < F_N; i++) f[i] = get_count(r, max[i], "bad code object header");
    mt_qstr_t name = get_qstr(r), qualname = get_qstr(r), filename = get_qstr(r);
    size_t n_names = get_count(r, 0x7fff, "too many names");
    if (n_names + f[F_LOCALS] > (size_t)(r->end - r->p)) bad("truncated");
    size_t words = 0; /* filled once n_consts is known: names go to a scratch table first */
    mt_qstr_t *names = mt_alloc((n_names + f[F_LOCALS] + 1) * sizeof(mt_qstr_t));
    for (size_t i = 0; i < n_names + f[F_LOCALS]; i++) names[i] = get_qstr(r);
    size_t code_len, lines_len;
    const uint8_t *code = get_span(r, &code_len);
    const uint8_t *lines = get_span(r, &lines_len);
    size_t n_consts = get_count(r, 0x7fff, "too many constants");
    if (n_consts > (size_t)(r->end - r->p)) bad("truncated");
    words = n_consts + (n_names + f[F_LOCALS] + 1) / 2 * 2 * sizeof(mt_qstr_t) / sizeof(mt_obj_t);
    mt_code_t *c = mt_alloc(sizeof(mt_code_t) + words * sizeof(mt_obj_t) + code_len + lines_len);
    c->base.type = &mt_type_code;
    c->flags = f[F_FLAGS];
    c->n_pos = f[F_POS];
    c->n_posonly = f[F_POSONLY];
    c->n_kwonly = f[F_KWONLY];
    c->block_depth = f[F_BLOCKS];
    c->n_locals = f[F_LOCALS];
    c->n_free = f[F_FREE];
    c->stack_size = f[F_STACK];
    c->first_line = f[F_LINE];
    c->name = name;
    c->qualname = qualname;
    c->filename = filename;
    c->n_names = n_names;
    c->n_consts = n_consts;
    c->tables_words = words;
    c->code_len = code_len;
    c->lines_len = lines_len;
    c->varnames = MT_CODE_VARNAMES(c);
    memcpy(MT_CODE_NAMES(c), names, (n_names + f[F_LOCALS]) * sizeof(mt_qstr_t));
    mt_free(names);
    memcpy((uint8_t *)MT_CODE_BYTECODE(c), code, code_len);
    memcpy((uint8_t *)MT_CODE_LINES(c), lines, lines_len);
    for (size_t i = 0; i < n_consts; i++) MT_CODE_CONSTS(c)[i] = load_const(r);
    check_code(c);
    r->depth--;
    return c;
}

mt_code_t *mt_persist_load(const uint8_t *buf, size_t len) {
    if (len < HEADER_LEN || buf[0] != MAGIC0 || buf[1] != MAGIC1) bad("not a .mpy file");
    if (buf[2] != MT_PERSIST_VERSION) {
        mt_raise_fmt(&mt_type_ValueError, "incompatible .mpy file: version %d, expected %d", buf[2],
                     MT_PERSIST_VERSION);
    }
    if (buf[3] < 31 || buf[3] > MT_PERSIST_NATIVE_INT_BITS) {
        mt_raise_fmt(&mt_type_ValueError,
                     "incompatible .mpy file: made for %d-bit small ints, this build has %d",
                     buf[3], MT_PERSIST_NATIVE_INT_BITS);
    }
    if (buf[4] != FLOAT_IEEE64) bad("unsupported float format");
    if (buf[5] != MT_OP_COUNT) bad("different opcode set");
    uint32_t crc = buf[8] | buf[9] << 8 | buf[10] << 16 | (uint32_t)buf[11] << 24;
    if (crc != crc32(buf + HEADER_LEN, len - HEADER_LEN)) bad("checksum mismatch");
    reader_t r = {buf + HEADER_LEN, buf + len, NULL, 0, 0};
    r.n_qstrs = get_count(&r, len, "truncated");
    r.qstrs = mt_alloc((r.n_qstrs + 1) * sizeof(mt_qstr_t));
    for (size_t i = 0; i < r.n_qstrs; i++) {
        size_t n;
        size_t charlen;
        const uint8_t *s = get_span(&r, &n);
        if (!mt_utf8_validate(s, n, &charlen)) bad("invalid UTF-8 in a name");
        r.qstrs[i] = mt_qstr_from_strn((const char *)s, n);
    }
    mt_code_t *c = load_code(&r);
    if (r.p != r.end) bad("trailing data");
    if (!(c->flags & MT_CODE_MODULE)) bad("not a module");
    mt_free(r.qstrs);
    return c;
}

/* ---- import hook -------------------------------------------------------------------------- */

void mt_persist_exec_file(const char *path, mt_obj_t globals) {
    int h = mt_hal_open_read(path);
    if (h < 0) mt_raise_oserror(2);
    mt_vstr_t v;
    mt_vstr_init(&v, 512);
    for (;;) {
        char *dst = mt_vstr_extend(&v, 512);
        long n = mt_hal_read(h, dst, 512);
        if (n < 0) n = 0;
        v.len -= 512 - n;
        if (n == 0) break;
    }
    mt_hal_close(h);
    mt_code_t *code = mt_persist_load((const uint8_t *)v.buf, v.len);
    mt_vstr_clear(&v);
    mt_exec_compiled(mt_fun_new(code, globals), MT_NULL);
}

/* ---- frozen modules ------------------------------------------------------------------------ */

__attribute__((weak)) const mt_persist_frozen_t mt_persist_frozen_table[] = {{NULL, NULL}};

mt_obj_t mt_persist_import_frozen(mt_qstr_t name) {
    const char *s = mt_qstr_str(name);
    const mt_persist_frozen_t *f = mt_persist_frozen_table;
    while (f->name != NULL && strcmp(f->name, s) != 0) f++;
    if (f->name == NULL) return MT_NULL;
    mt_obj_t mod = mt_module_new(name);
    mt_obj_t key = MT_NEW_QSTR(name);
    mt_dict_store(mt_state.modules, key, mod);
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        /* the code is const: the VM only reads it (its LOAD_GLOBAL cache is a RAM table) */
        mt_exec_compiled(mt_fun_new((mt_code_t *)f->code, mt_module_globals(mod)), MT_NULL);
        mt_nlr_pop();
    } else {
        mt_map_lookup(mt_dict_map(mt_state.modules), key, MT_MAP_LOOKUP_REMOVE);
        mt_nlr_jump(nlr.ret_val);
    }
    mt_obj_t m = mt_dict_get(mt_state.modules, key);
    return m != MT_NULL ? m : mod;
}
