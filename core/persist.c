/* Precompiled bytecode files (.mpy): writer and loader (format: docs/bytecode-format.md).
 * The loader trusts nothing in the image: every length, index, jump and constant is checked
 * against the bounds of the buffer and of the code object it builds, so a bad file raises
 * ValueError and never makes the VM read outside its tables. */
#include "persist.h"

#include <string.h>

#include "crc32.h"
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
        mt_crc32(0, (const uint8_t *)out->buf + start + HEADER_LEN, out->len - start - HEADER_LEN);
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

/* ---- verifier -------------------------------------------------------------------------------
 * The VM trusts its bytecode, so before loaded code can run each code object is checked
 * (instruction set: core/bytecode.h; what is checked: docs/bytecode-format.md):
 *   decoding: every opcode known; operands inside the code, table indices inside their
 *     tables, counts and flags in their ranges; jump targets on instruction starts inside the
 *     code; MAKE_CELL only at the start (the prologue), *_DEREF and LOAD_CLOSURE only on cell
 *     slots (the prologue's and the closure's), *_FAST never on them; yields only in
 *     generators.
 *   abstract interpretation over the control-flow graph from offset 0 and every handler: the
 *     value stack's depth never below 0 nor the innermost block's level, never above
 *     stack_size; the block stack never deeper than block_depth; the same depth and blocks
 *     wherever paths meet; no path running off the end. Each stack slot also has a kind, so
 *     that the slots that hold no object (LOAD_METHOD's NULL, a for loop's iterator buffer)
 *     or an object whose type the VM trusts (a cell, a keyword name, a raised exception)
 *     reach only the instructions made for them. */

/* what a value-stack slot holds */
enum {
    V_JUNK,     /* the paths that meet disagree: it can only be dropped */
    V_OBJ,      /* an object */
    V_CELL,     /* a cell (LOAD_CLOSURE) */
    V_QSTR,     /* an interned str (a keyword argument's name) */
    V_EXC,      /* an exception instance (pushed at a handler's entry) */
    V_NULLABLE, /* an object or NULL (the self slot of LOAD_METHOD and BEFORE_WITH) */
    V_PREV,     /* the saved exception state: NULL, None or an exception (PUSH_EXC_INFO) */
    V_BUF0,     /* GET_ITER_STACK's four buffer words, then its iterator: never moved */
    V_ITER = V_BUF0 + 4,
};

#define COUNT_LIMIT 0x10000 /* counts and flags: no instruction needs more */

typedef struct {
    uint32_t handler, level;
} vblock_t;

/* the abstract state before an instruction; a record is followed by vblock_t[block_depth]
 * and uint8_t kinds[stack_size] */
typedef struct {
    uint16_t depth;
    uint8_t n_blocks;
    uint8_t valid;
} vstate_t;

typedef struct {
    uint8_t op;
    uint32_t a, b;         /* the operands (table indices included); 0 if none */
    int32_t target;        /* jump target, -1 if none */
    uint32_t next;         /* offset of the next instruction */
    uint32_t pops, pushes; /* its stack effect (step) */
} insn_t;

typedef struct {
    const mt_code_t *c;
    const uint8_t *code;
    uint8_t *starts, *leaders; /* bitmaps over the code: instruction starts, jump targets */
    uint8_t *cells;            /* bitmap over the local slots: cell slots */
    uint32_t *loff;            /* the leaders' offsets, ascending */
    size_t n_leaders, rec_size;
    uint8_t *recs;       /* one state record per leader */
    vstate_t *cur, *tmp; /* scratch states */
    uint32_t *work;      /* leaders to (re)visit */
    size_t n_work;
    uint8_t *queued; /* bitmap over leaders: in work */
    uint32_t at;     /* the instruction being checked */
} verifier_t;

MT_NORETURN static void fail(const verifier_t *v, const char *what) {
    mt_raise_fmt(&mt_type_ValueError, "incompatible .mpy file: %s at offset %u in %q", what,
                 (unsigned)v->at, v->c->name);
}

static bool bit(const uint8_t *map, size_t i) {
    return map[i / 8] >> (i % 8) & 1;
}

static void set_bit(uint8_t *map, size_t i) {
    map[i / 8] |= (uint8_t)(1 << (i % 8));
}

/* one varint operand below limit (at most 5 bytes: every value fits a 32-bit mt_uint_t) */
static uint32_t get_operand(const verifier_t *v, const uint8_t **pp, uint64_t limit) {
    const uint8_t *p = *pp, *end = v->code + v->c->code_len;
    uint64_t x = 0;
    for (int shift = 0;; shift += 7) {
        if (p >= end) fail(v, "operand runs off the code");
        if (shift > 28) fail(v, "operand too long");
        x |= (uint64_t)(*p & 0x7f) << shift;
        if (!(*p++ & 0x80)) break;
    }
    if (x >= limit) fail(v, "operand out of range");
    *pp = p;
    return (uint32_t)x;
}

static int32_t get_jump(const verifier_t *v, const uint8_t **pp) {
    const uint8_t *p = *pp;
    if (v->code + v->c->code_len - p < 2) fail(v, "operand runs off the code");
    int16_t off = (int16_t)(p[0] | p[1] << 8);
    *pp = p + 2;
    int64_t t = (int64_t)(p + 2 - v->code) + off;
    if (t < 0 || t >= (int64_t)v->c->code_len) fail(v, "jump out of the code");
    return (int32_t)t;
}

/* the instruction at `at`, its operands inside their tables */
static void decode(verifier_t *v, uint32_t at, insn_t *in) {
    const mt_code_t *c = v->c;
    const uint8_t *p = v->code + at;
    v->at = at;
    in->op = *p++;
    in->a = in->b = 0;
    in->target = -1;
    if (in->op >= MT_OP_COUNT) fail(v, "unknown opcode");
    uint8_t kind = mt_opinfo[in->op].operand;
    static const uint8_t first[] = {[MT_OPK_NAME] = 1,
                                    [MT_OPK_NAMEU] = 1,
                                    [MT_OPK_CONST] = 2,
                                    [MT_OPK_CONSTU] = 2,
                                    [MT_OPK_LOCAL] = 3};
    const uint64_t limits[] = {COUNT_LIMIT, c->n_names, c->n_consts, c->n_locals};
    if (kind == MT_OPK_JUMP) {
        in->target = get_jump(v, &p);
    } else if (kind == MT_OPK_SINT) {
        in->a = get_operand(v, &p, (uint64_t)1 << 31); /* a small int even on 32-bit chips */
    } else if (kind != MT_OPK_NONE) {
        in->a = get_operand(v, &p, limits[first[kind]]);
    }
    if (kind == MT_OPK_UINT2 || kind == MT_OPK_NAMEU || kind == MT_OPK_CONSTU) {
        in->b = get_operand(v, &p, COUNT_LIMIT);
    }
    in->next = (uint32_t)(p - v->code);
}

static bool valid_binop(uint32_t op) {
    uint32_t rev = MT_BINOP_REVERSE_OFFSET + MT_BINOP_ADD;
    return op < MT_BINOP_COUNT && op != MT_BINOP_N_ARITH && op != MT_BINOP_CONTAINS &&
           !(op >= rev && op < rev + MT_BINOP_N_ARITH);
}

/* operands that are not table indices: within what the VM handles */
static void check_values(const verifier_t *v, const insn_t *in) {
    uint32_t a = in->a;
    bool ok = true;
    switch (in->op) {
    case MT_OP_BINARY_OP: ok = valid_binop(a); break;
    case MT_OP_UNARY_OP: ok = a < MT_UNOP_COUNT; break;
    case MT_OP_POP_ITER:
    case MT_OP_CALL_FUNCTION_EX:
    case MT_OP_RAISE_ASSERT: ok = a <= 1; break;
    case MT_OP_RAISE_VARARGS: ok = a <= 2; break;
    case MT_OP_BUILD_SLICE: ok = a == 2 || a == 3; break;
    case MT_OP_FORMAT_VALUE: ok = a <= (MT_FORMAT_CONV_MASK | MT_FORMAT_HAS_SPEC); break;
    case MT_OP_MAKE_FUNCTION:
        ok = in->b <= (MT_MAKEFUN_DEFAULTS | MT_MAKEFUN_KWDEFAULTS) &&
             is_code(MT_CODE_CONSTS(v->c)[a]);
        break;
    default: ok = !(mt_opinfo[in->op].var >= MT_OPV_REACH_A && a == 0); break;
    }
    if (!ok) fail(v, "bad operand");
}

/* local slots: cells only through the cell instructions */
static void check_slot(verifier_t *v, const insn_t *in, bool prologue) {
    switch (in->op) {
    case MT_OP_MAKE_CELL:
        if (!prologue) fail(v, "MAKE_CELL after the start");
        set_bit(v->cells, in->a);
        break;
    case MT_OP_LOAD_FAST:
    case MT_OP_STORE_FAST:
    case MT_OP_DELETE_FAST:
        if (bit(v->cells, in->a)) fail(v, "plain access to a cell slot");
        break;
    case MT_OP_LOAD_DEREF:
    case MT_OP_STORE_DEREF:
    case MT_OP_DELETE_DEREF:
    case MT_OP_LOAD_CLOSURE:
    case MT_OP_LOAD_CLASSDEREF:
        if (!bit(v->cells, in->a)) fail(v, "cell access to a plain slot");
        break;
    case MT_OP_YIELD_VALUE:
    case MT_OP_YIELD_FROM:
        if (!(v->c->flags & (MT_CODE_GENERATOR | MT_CODE_COROUTINE | MT_CODE_ASYNC_GENERATOR))) {
            fail(v, "yield outside a generator");
        }
        break;
    default: break;
    }
}

/* pass 1: decode everything, mark instruction starts and jump targets, check operands */
static void scan_code(verifier_t *v) {
    const mt_code_t *c = v->c;
    for (size_t i = c->n_locals - c->n_free; i < c->n_locals; i++) set_bit(v->cells, i);
    bool prologue = true;
    insn_t in;
    set_bit(v->leaders, 0);
    for (uint32_t at = 0; at < c->code_len; at = in.next) {
        set_bit(v->starts, at);
        decode(v, at, &in);
        check_values(v, &in);
        prologue = prologue && in.op == MT_OP_MAKE_CELL;
        check_slot(v, &in, prologue);
        if (in.target >= 0) set_bit(v->leaders, in.target);
    }
}

/* the leaders (offset 0 and the jump targets), each on an instruction start */
static void find_leaders(verifier_t *v) {
    for (uint32_t at = 0; at < v->c->code_len; at++) {
        if (!bit(v->leaders, at)) continue;
        v->at = at;
        if (!bit(v->starts, at)) fail(v, "jump into the middle of an instruction");
        v->n_leaders++;
    }
}

static size_t leader_index(const verifier_t *v, uint32_t at) {
    size_t lo = 0, hi = v->n_leaders - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->loff[mid] < at) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static vstate_t *record(const verifier_t *v, size_t li) {
    return (vstate_t *)(v->recs + li * v->rec_size);
}

static vblock_t *blocks_of(vstate_t *s) {
    return (vblock_t *)(s + 1);
}

static uint8_t *kinds_of(const verifier_t *v, vstate_t *s) {
    return (uint8_t *)(blocks_of(s) + v->c->block_depth);
}

static uint32_t floor_of(vstate_t *s) {
    return s->n_blocks ? blocks_of(s)[s->n_blocks - 1].level : 0;
}

static bool is_val(uint8_t k) {
    return k >= V_OBJ && k <= V_EXC;
}

static bool is_nullable(uint8_t k) {
    return k >= V_OBJ && k <= V_PREV;
}

static uint8_t join(uint8_t a, uint8_t b) {
    return a == b                             ? a
           : is_val(a) && is_val(b)           ? V_OBJ
           : is_nullable(a) && is_nullable(b) ? V_NULLABLE
                                              : V_JUNK;
}

static void queue(verifier_t *v, size_t li) {
    if (!bit(v->queued, li)) {
        set_bit(v->queued, li);
        v->work[v->n_work++] = (uint32_t)li;
    }
}

/* state s flows to the leader at `at` */
static void merge(verifier_t *v, uint32_t at, vstate_t *s) {
    size_t li = leader_index(v, at);
    vstate_t *r = record(v, li);
    if (!r->valid) {
        memcpy(r, s, v->rec_size);
        r->valid = 1;
        queue(v, li);
        return;
    }
    if (r->depth != s->depth || r->n_blocks != s->n_blocks ||
        memcmp(blocks_of(r), blocks_of(s), s->n_blocks * sizeof(vblock_t)) != 0) {
        fail(v, "stack depth or blocks differ where paths meet");
    }
    uint8_t *rk = kinds_of(v, r), *sk = kinds_of(v, s);
    bool changed = false;
    for (size_t i = 0; i < s->depth; i++) {
        uint8_t k = join(rk[i], sk[i]);
        changed |= k != rk[i];
        rk[i] = k;
    }
    if (changed) queue(v, li);
}

static void want(const verifier_t *v, bool ok) {
    if (!ok) fail(v, "wrong kind of value on the stack");
}

static void want_vals(const verifier_t *v, const uint8_t *x, size_t n) {
    for (size_t i = 0; i < n; i++) want(v, is_val(x[i]));
}

/* slots the instruction reads below its pops: there, and of the wanted kinds */
static const uint8_t *reach(const verifier_t *v, vstate_t *s, uint32_t n) {
    if (n > s->depth) fail(v, "stack underflow");
    return kinds_of(v, s) + s->depth - n;
}

static bool is_iter_group(const uint8_t *x) {
    return x[0] == V_BUF0 && x[1] == V_BUF0 + 1 && x[2] == V_BUF0 + 2 && x[3] == V_BUF0 + 3 &&
           x[4] == V_ITER;
}

static void want_call(const verifier_t *v, const insn_t *in, const uint8_t *x) {
    size_t first = in->op == MT_OP_CALL_METHOD ? 2 : 1;
    want(v, is_val(x[0]) && (first == 1 || is_nullable(x[1])));
    want_vals(v, x + first, in->a);
    for (size_t i = 0; i < in->b; i++) {
        const uint8_t *kw = x + first + in->a + 2 * i;
        want(v, kw[0] == V_QSTR && is_val(kw[1]));
    }
}

static uint32_t makefun_free(const verifier_t *v, const insn_t *in) {
    if (in->op != MT_OP_MAKE_FUNCTION) return 0;
    return ((const mt_code_t *)MT_OBJ_TO_PTR(MT_CODE_CONSTS(v->c)[in->a]))->n_free;
}

/* the exception-state instructions */
static void want_exc(const verifier_t *v, const insn_t *in, const uint8_t *x, uint8_t *out) {
    switch (in->op) {
    case MT_OP_PUSH_EXC_INFO:
        want(v, x[0] == V_EXC);
        out[0] = V_PREV;
        out[1] = V_EXC;
        break;
    case MT_OP_POP_EXCEPT: want(v, x[0] == V_PREV); break;
    case MT_OP_RERAISE_EXC: want(v, x[0] == V_PREV && x[1] == V_EXC); break;
    case MT_OP_EXC_CLEANUP: want(v, x[0] == V_PREV && x[2] == V_EXC); break;
    default: want(v, x[1] == V_EXC); break; /* END_ASYNC_FOR */
    }
}

/* the slots that move (ROT_*, DUP_*, POP_ITER): never a for loop's iterator group */
static void want_movable(const verifier_t *v, const uint8_t *x, size_t n) {
    for (size_t i = 0; i < n; i++) want(v, x[i] < V_BUF0);
}

/* the stack manipulations: out gets the moved kinds */
static bool moves(verifier_t *v, const insn_t *in, vstate_t *s, const uint8_t *x, uint8_t *out) {
    const uint8_t *t;
    switch (in->op) {
    case MT_OP_POP_TOP: return true;
    case MT_OP_ROT_TWO:
        want_movable(v, x, 2);
        out[0] = x[1], out[1] = x[0];
        return true;
    case MT_OP_ROT_THREE:
        want_movable(v, x, 3);
        out[0] = x[2], out[1] = x[0], out[2] = x[1];
        return true;
    case MT_OP_DUP_TOP:
    case MT_OP_DUP_TOP_TWO: {
        size_t n = in->op == MT_OP_DUP_TOP ? 1 : 2;
        t = reach(v, s, n);
        want_movable(v, t, n);
        memcpy(out, t, n);
        return true;
    }
    case MT_OP_POP_ITER:
        want(v, is_iter_group(x));
        if (in->a) {
            want_movable(v, x + 5, 1);
            out[0] = x[5];
        }
        return true;
    default: return false;
    }
}

/* instructions with operands or results of particular kinds; false for the plain ones */
static bool special(verifier_t *v, const insn_t *in, vstate_t *s, const uint8_t *x, uint8_t *out) {
    static const uint8_t group[] = {V_BUF0, V_BUF0 + 1, V_BUF0 + 2, V_BUF0 + 3, V_ITER};
    const uint8_t *t;
    switch (in->op) {
    case MT_OP_LOAD_CONST: out[0] = MT_IS_QSTR(MT_CODE_CONSTS(v->c)[in->a]) ? V_QSTR : V_OBJ; break;
    case MT_OP_LOAD_CLOSURE: out[0] = V_CELL; break;
    case MT_OP_LOAD_METHOD:
    case MT_OP_BEFORE_WITH:
    case MT_OP_BEFORE_ASYNC_WITH:
        want_vals(v, x, 1);
        out[1] = V_NULLABLE;
        break;
    case MT_OP_GET_ITER_STACK:
        want_vals(v, x, 1);
        memcpy(out, group, 5);
        break;
    case MT_OP_CALL_FUNCTION:
    case MT_OP_CALL_METHOD: want_call(v, in, x); break;
    case MT_OP_MAKE_FUNCTION: {
        uint32_t n_free = makefun_free(v, in);
        want_vals(v, x, in->pops - n_free);
        for (uint32_t i = in->pops - n_free; i < in->pops; i++) want(v, x[i] == V_CELL);
        break;
    }
    case MT_OP_PUSH_EXC_INFO:
    case MT_OP_POP_EXCEPT:
    case MT_OP_RERAISE_EXC:
    case MT_OP_EXC_CLEANUP:
    case MT_OP_END_ASYNC_FOR: want_exc(v, in, x, out); break;
    case MT_OP_JUMP_IF_NOT_EXC_MATCH: want_vals(v, reach(v, s, 2), 2); break;
    case MT_OP_WITH_EXCEPT:
        t = reach(v, s, 4);
        want(v, is_val(t[0]) && is_nullable(t[1]) && t[2] == V_PREV && t[3] == V_EXC);
        break;
    case MT_OP_GET_ANEXT:
    case MT_OP_IMPORT_FROM: want_vals(v, reach(v, s, 1), 1); break;
    default: return moves(v, in, s, x, out);
    }
    return true;
}

/* the plain instructions: objects in, objects out; REACH_* read deeper slots */
static void plain(verifier_t *v, const insn_t *in, vstate_t *s, const uint8_t *x) {
    uint32_t pops = in->pops;
    want_vals(v, x, pops);
    uint8_t var = mt_opinfo[in->op].var;
    if (var == MT_OPV_REACH_A || var == MT_OPV_REACH_A2) {
        uint32_t below = s->depth - pops, n = in->a + (var == MT_OPV_REACH_A2 ? 2 : 0);
        if (n > below) fail(v, "stack underflow");
        const uint8_t *k = kinds_of(v, s);
        want(v, is_val(k[below - in->a]) && is_val(k[below - n]));
    }
}

/* the stack after the instruction's fall-through */
static void transfer(verifier_t *v, const insn_t *in) {
    vstate_t *s = v->cur;
    uint8_t *x = kinds_of(v, s) + s->depth - in->pops; /* the popped slots, deepest first */
    uint8_t out[5] = {V_OBJ, V_OBJ, V_OBJ, V_OBJ, V_OBJ};
    if (!special(v, in, s, x, out)) plain(v, in, s, x);
    for (uint32_t i = 0; i < in->pushes; i++) x[i] = i < 5 ? out[i] : V_OBJ;
    s->depth = (uint16_t)(s->depth - in->pops + in->pushes);
}

/* SETUP_*: the handler's entry (the stack cut to the level, the exception pushed), then the
 * block on the fall-through */
static void setup(verifier_t *v, const insn_t *in) {
    vstate_t *s = v->cur, *h = v->tmp;
    uint32_t level = s->depth - (mt_opinfo[in->op].flow == MT_OPF_SETUP_WITH);
    if (level > s->depth || level < floor_of(s)) fail(v, "stack underflow below a block's level");
    if (s->n_blocks >= v->c->block_depth) fail(v, "block stack overflow");
    if (level + 1 > v->c->stack_size) fail(v, "stack overflow");
    memcpy(h, s, v->rec_size);
    h->depth = (uint16_t)(level + 1);
    kinds_of(v, h)[level] = V_EXC;
    merge(v, (uint32_t)in->target, h);
    vblock_t *b = &blocks_of(s)[s->n_blocks++];
    b->handler = (uint32_t)in->target;
    b->level = level;
}

/* successors on the paths that leave before the fall-through's stack effect */
static void early_exits(verifier_t *v, const insn_t *in, uint8_t flow) {
    vstate_t *s = v->cur;
    if (flow == MT_OPF_BRANCH_KEEP) {
        merge(v, (uint32_t)in->target, s);
    } else if (flow == MT_OPF_FOR) {
        if (s->depth < 5 || s->depth - 5u < floor_of(s)) fail(v, "stack underflow");
        s->depth -= 5;
        merge(v, (uint32_t)in->target, s);
        s->depth += 5;
    }
}

/* one instruction on the current state; false if it does not fall through */
static bool step(verifier_t *v, insn_t *in) {
    vstate_t *s = v->cur;
    uint8_t flow = mt_opinfo[in->op].flow;
    mt_op_stack_effect(in->op, in->a, in->b, makefun_free(v, in), &in->pops, &in->pushes);
    uint32_t base = s->depth - in->pops, after = base + in->pushes;
    if (in->pops > s->depth) fail(v, "stack underflow");
    /* the slots below the innermost block's level are its handler's: never written while it
     * is active (a raising instruction may pop them: the handler gets them back intact) */
    if (base < floor_of(s) && (in->pushes > 0 || (flow != MT_OPF_STOP && after < floor_of(s)))) {
        fail(v, "stack underflow below a block's level");
    }
    if (after > v->c->stack_size) fail(v, "stack overflow");
    if (flow == MT_OPF_FOR) want(v, is_iter_group(reach(v, s, 5)));
    early_exits(v, in, flow);
    transfer(v, in);
    switch (flow) {
    case MT_OPF_JUMP: merge(v, (uint32_t)in->target, s); return false;
    case MT_OPF_BRANCH: merge(v, (uint32_t)in->target, s); return true;
    case MT_OPF_SETUP:
    case MT_OPF_SETUP_WITH: setup(v, in); return true;
    case MT_OPF_POP_BLOCK:
        if (s->n_blocks == 0) fail(v, "POP_BLOCK without a block");
        s->n_blocks--;
        return true;
    case MT_OPF_STOP: return false;
    default: return true;
    }
}

/* from the leader at `at` (its state in v->cur) to the next leader or the end of the path */
static void run_from(verifier_t *v, uint32_t at) {
    for (;;) {
        insn_t in;
        decode(v, at, &in);
        if (!step(v, &in)) return;
        if (in.next >= v->c->code_len) fail(v, "code runs off its end");
        at = in.next;
        if (bit(v->leaders, at)) {
            merge(v, at, v->cur);
            return;
        }
    }
}

static void run_flow(verifier_t *v) {
    vstate_t *entry = record(v, 0);
    memset(entry, 0, v->rec_size);
    entry->valid = 1;
    queue(v, 0);
    while (v->n_work > 0) {
        size_t li = v->work[--v->n_work];
        v->queued[li / 8] &= (uint8_t) ~(1 << (li % 8));
        memcpy(v->cur, record(v, li), v->rec_size);
        run_from(v, v->loff[li]);
    }
}

/* the leader tables, states and work list: one block */
static void *alloc_flow(verifier_t *v) {
    const mt_code_t *c = v->c;
    size_t n = v->n_leaders, words = n * sizeof(uint32_t);
    v->rec_size = (sizeof(vstate_t) + c->block_depth * sizeof(vblock_t) + c->stack_size + 3) & ~3u;
    uint8_t *p = mt_alloc(2 * words + (n / 32 + 1) * 4 + (n + 2) * v->rec_size);
    v->loff = (uint32_t *)p;
    v->work = (uint32_t *)(p + words);
    v->queued = p + 2 * words;
    v->cur = (vstate_t *)(v->queued + (n / 32 + 1) * 4);
    v->tmp = (vstate_t *)((uint8_t *)v->cur + v->rec_size);
    v->recs = (uint8_t *)v->tmp + v->rec_size;
    for (uint32_t at = 0, i = 0; at < c->code_len; at++) {
        if (bit(v->leaders, at)) v->loff[i++] = at;
    }
    return p;
}

static void verify(const mt_code_t *c) {
    verifier_t v = {c, MT_CODE_BYTECODE(c)};
    size_t bits = c->code_len / 8 + 1;
    uint8_t *maps = mt_alloc(2 * bits + c->n_locals / 8 + 1);
    v.starts = maps;
    v.leaders = maps + bits;
    v.cells = maps + 2 * bits;
    scan_code(&v);
    find_leaders(&v);
    void *flow = alloc_flow(&v);
    run_flow(&v);
    mt_free(flow);
    mt_free(maps);
}

/* the line table decodes exactly within lines_len */
static void check_lines(const mt_code_t *c) {
    const uint8_t *p = MT_CODE_LINES(c), *end = p + c->lines_len;
    while (p < end) {
        for (int i = 0; i < 2; i++) {
            for (int shift = 0;; shift += 7) {
                if (p >= end || shift > 63) bad("bad line table");
                if (!(*p++ & 0x80)) break;
            }
        }
    }
}

static void check_code(const mt_code_t *c) {
    size_t params =
        c->n_pos + c->n_kwonly + !!(c->flags & MT_CODE_VARARGS) + !!(c->flags & MT_CODE_VARKW);
    if (c->n_posonly > c->n_pos || params + c->n_free > c->n_locals) bad("bad parameter counts");
    if (c->code_len == 0) bad("empty code");
    verify(c);
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
    if (words > UINT16_MAX) bad("tables too large"); /* mt_code_t.tables_words */
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
    if (crc != mt_crc32(0, buf + HEADER_LEN, len - HEADER_LEN)) bad("checksum mismatch");
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
    const unsigned not_module = MT_CODE_GENERATOR | MT_CODE_COROUTINE | MT_CODE_ASYNC_GENERATOR |
                                MT_CODE_CLASS_BODY | MT_CODE_VARARGS | MT_CODE_VARKW;
    if (!(c->flags & MT_CODE_MODULE) || (c->flags & not_module) || c->n_free != 0 || c->n_pos) {
        bad("not a module");
    }
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
