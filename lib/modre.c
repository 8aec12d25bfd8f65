/* re: a backtracking regular-expression engine (a subset of CPython's syntax that covers
 * MicroPython's and more): literals and escapes, . [] classes with ranges and negation,
 * \d \w \s \D \W \S \b \B \A \Z, ^ $, groups, (?:...), (?P<name>...), (?P=name), \1..\99,
 * (?=...) (?!...), alternation, * + ? {m} {m,} {m,n} and their lazy forms; flags IGNORECASE,
 * MULTILINE, DOTALL (also inline (?i) (?m) (?s) at the start).
 *
 * A pattern compiles to a small instruction array; matching keeps an explicit backtrack
 * stack in the GC heap (no C recursion except one level per lookahead nesting), and counts
 * steps: a match that needs more than RE_STEP_LIMIT steps raises RuntimeError("regex step
 * limit exceeded") instead of hanging on a catastrophic pattern. Loops that match the empty
 * string stop iterating, so (a*)* terminates. Positions are byte offsets internally and
 * code-point indices in spans. re.error is ValueError. */
#include "nlr.h"
#include "obj.h"

#define RE_STEP_LIMIT 2000000
#define RE_MAX_PROG   4000
#define FLAG_I        2
#define FLAG_M        8
#define FLAG_S        16

enum {
    OP_CHAR,
    OP_ANY,
    OP_CLASS,
    OP_BOL,
    OP_EOL,
    OP_WORDB,
    OP_NWORDB,
    OP_BEGIN,
    OP_END,
    OP_SPLIT,   /* a = first choice, b = alternative */
    OP_JMP,     /* a = target */
    OP_SAVE,    /* a = slot */
    OP_BACKREF, /* a = group */
    OP_LOOK,    /* a = end of sub-program, b = 1 negative; sub-program follows */
    OP_LOOKEND,
    OP_PROGRESS, /* a = loop id, b = loop exit: leave the loop if the body matched nothing */
    OP_MATCH,
};

typedef struct {
    uint8_t op;
    int32_t a, b;
} inst_t;

/* a compiled pattern */
typedef struct {
    mt_obj_base_t base;
    mt_obj_t pattern;
    int flags;
    int ngroups;
    int nloops;
    bool is_bytes;
    size_t n;
    inst_t *prog;
    uint32_t *classes; /* ranges: [count, lo0, hi0, lo1, hi1 ...] per class, concatenated */
    size_t nclasses_words;
    mt_obj_t names; /* dict name -> group number, or MT_NULL */
} re_t;

static const mt_type_t re_type, match_type;

/* ---- compiler */

typedef struct {
    const uint8_t *p, *end;
    re_t *re;
    size_t cap;
    bool is_bytes;
} comp_t;

MT_NORETURN static void re_error(const char *msg) {
    mt_raise_value_error(msg);
}

static size_t emit(comp_t *c, uint8_t op, int32_t a, int32_t b) {
    if (c->re->n >= RE_MAX_PROG) re_error("pattern too large");
    if (c->re->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->re->prog = mt_realloc(c->re->prog, c->cap * sizeof(inst_t));
    }
    inst_t *i = &c->re->prog[c->re->n];
    i->op = op, i->a = a, i->b = b;
    return c->re->n++;
}

static uint32_t next_char(comp_t *c) { /* a code point (str) or byte (bytes) */
    uint32_t ch = *c->p++;
    if (!c->is_bytes && ch >= 0xc0) {
        int extra = ch >= 0xf0 ? 3 : ch >= 0xe0 ? 2 : 1;
        ch &= 0x3f >> extra;
        while (extra-- && c->p < c->end) ch = (ch << 6) | (*c->p++ & 0x3f);
    }
    return ch;
}

static void class_add(comp_t *c, uint32_t lo, uint32_t hi) {
    re_t *re = c->re;
    re->classes = mt_realloc(re->classes, (re->nclasses_words + 2) * sizeof(uint32_t));
    re->classes[re->nclasses_words++] = lo;
    re->classes[re->nclasses_words++] = hi;
}

/* the ranges of \d \w \s (ASCII plus the common Unicode spaces for \s) */
static void class_add_escape(comp_t *c, char e) {
    switch (e) {
    case 'd': class_add(c, '0', '9'); break;
    case 'w':
        class_add(c, '0', '9'), class_add(c, 'A', 'Z'), class_add(c, '_', '_'),
            class_add(c, 'a', 'z');
        if (!c->is_bytes) class_add(c, 0xc0, 0x10ffff);
        break;
    case 's':
        class_add(c, '\t', '\r'), class_add(c, ' ', ' ');
        if (!c->is_bytes)
            class_add(c, 0x85, 0x85), class_add(c, 0xa0, 0xa0), class_add(c, 0x2000, 0x200a),
                class_add(c, 0x3000, 0x3000);
        break;
    }
}

static uint32_t escape_char(comp_t *c, uint32_t e) {
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return 7;
    case '0': return 0;
    case 'x': {
        uint32_t v = 0;
        for (int i = 0; i < 2; i++) {
            if (c->p >= c->end) re_error("incomplete escape \\x");
            int ch = *c->p++, d = ch >= '0' && ch <= '9'                 ? ch - '0'
                                  : (ch | 32) >= 'a' && (ch | 32) <= 'f' ? (ch | 32) - 'a' + 10
                                                                         : -1;
            if (d < 0) re_error("bad escape \\x");
            v = v * 16 + (uint32_t)d;
        }
        return v;
    }
    default:
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) re_error("bad escape");
        return e;
    }
}

/* a class starts a record [count, ranges...]; returns the record's index */
static size_t class_begin(comp_t *c) {
    re_t *re = c->re;
    re->classes = mt_realloc(re->classes, (re->nclasses_words + 1) * sizeof(uint32_t));
    re->classes[re->nclasses_words] = 0;
    return re->nclasses_words++;
}

static void class_end(comp_t *c, size_t start) {
    c->re->classes[start] = (uint32_t)((c->re->nclasses_words - start - 1) / 2);
}

static void parse_class(comp_t *c) {
    bool neg = c->p < c->end && *c->p == '^';
    if (neg) c->p++;
    size_t start = class_begin(c);
    bool first = true;
    for (;;) {
        if (c->p >= c->end) re_error("unterminated character set");
        if (*c->p == ']' && !first) break;
        first = false;
        uint32_t lo = next_char(c);
        if (lo == '\\') {
            if (c->p >= c->end) re_error("bad escape (end of pattern)");
            uint32_t e = *c->p++;
            if (e == 'd' || e == 'w' || e == 's') {
                class_add_escape(c, (char)e);
                continue;
            }
            if (e == 'D' || e == 'W' || e == 'S')
                re_error("negated class escapes inside [] unsupported");
            lo = escape_char(c, e);
        }
        uint32_t hi = lo;
        if (c->p + 1 < c->end && *c->p == '-' && c->p[1] != ']') {
            c->p++;
            hi = next_char(c);
            if (hi == '\\') hi = escape_char(c, *c->p++);
            if (hi < lo) re_error("bad character range");
        }
        class_add(c, lo, hi);
    }
    c->p++;
    class_end(c, start);
    emit(c, OP_CLASS, (int32_t)start, neg);
}

static void parse_alt(comp_t *c);

static void parse_group(comp_t *c) {
    int group = -1;
    if (c->p < c->end && *c->p == '?') {
        c->p++;
        if (c->p >= c->end) re_error("unexpected end of pattern");
        uint8_t k = *c->p++;
        if (k == ':') {
            parse_alt(c);
        } else if (k == '=' || k == '!') {
            size_t look = emit(c, OP_LOOK, 0, k == '!');
            parse_alt(c);
            emit(c, OP_LOOKEND, 0, 0);
            c->re->prog[look].a = (int32_t)c->re->n;
        } else if (k == 'P' && c->p < c->end && (*c->p == '<' || *c->p == '=')) {
            bool ref = *c->p++ == '=';
            const uint8_t *name = c->p;
            while (c->p < c->end && *c->p != (ref ? ')' : '>')) c->p++;
            if (c->p >= c->end || c->p == name) re_error("bad group name");
            mt_obj_t key = mt_str_new((const char *)name, (size_t)(c->p - name));
            c->p++;
            if (ref) {
                mt_obj_t g = c->re->names ? mt_dict_get(c->re->names, key) : MT_NULL;
                if (g == MT_NULL) re_error("unknown group name");
                emit(c, OP_BACKREF, (int32_t)MT_SMALL_INT_VALUE(g), 0);
                return;
            }
            if (c->re->names == MT_NULL) c->re->names = mt_dict_new(1);
            group = ++c->re->ngroups;
            mt_dict_store(c->re->names, key, MT_NEW_SMALL_INT(group));
            emit(c, OP_SAVE, 2 * group, 0);
            parse_alt(c);
            emit(c, OP_SAVE, 2 * group + 1, 0);
        } else {
            re_error("unknown extension");
        }
    } else {
        group = ++c->re->ngroups;
        emit(c, OP_SAVE, 2 * group, 0);
        parse_alt(c);
        emit(c, OP_SAVE, 2 * group + 1, 0);
    }
    if (c->p >= c->end || *c->p != ')') re_error("missing ), unterminated subpattern");
    c->p++;
}

static void parse_escape(comp_t *c) {
    if (c->p >= c->end) re_error("bad escape (end of pattern)");
    uint8_t e = *c->p++;
    switch (e) {
    case 'd':
    case 'w':
    case 's':
    case 'D':
    case 'W':
    case 'S': {
        size_t start = class_begin(c);
        class_add_escape(c, (char)(e | 32));
        class_end(c, start);
        emit(c, OP_CLASS, (int32_t)start, e < 'a');
        return;
    }
    case 'b': emit(c, OP_WORDB, 0, 0); return;
    case 'B': emit(c, OP_NWORDB, 0, 0); return;
    case 'A': emit(c, OP_BEGIN, 0, 0); return;
    case 'Z': emit(c, OP_END, 0, 0); return;
    }
    if (e >= '1' && e <= '9') {
        int g = e - '0';
        if (c->p < c->end && *c->p >= '0' && *c->p <= '9') g = g * 10 + (*c->p++ - '0');
        if (g > c->re->ngroups) re_error("invalid group reference");
        emit(c, OP_BACKREF, g, 0);
        return;
    }
    emit(c, OP_CHAR, (int32_t)escape_char(c, e), 0);
}

/* one atom: returns false at the end of a branch */
static bool parse_atom(comp_t *c) {
    if (c->p >= c->end || *c->p == '|' || *c->p == ')') return false;
    uint8_t ch = *c->p;
    switch (ch) {
    case '(':
        c->p++;
        parse_group(c);
        break;
    case '[':
        c->p++;
        parse_class(c);
        break;
    case '.':
        c->p++;
        emit(c, OP_ANY, 0, 0);
        break;
    case '^':
        c->p++;
        emit(c, OP_BOL, 0, 0);
        break;
    case '$':
        c->p++;
        emit(c, OP_EOL, 0, 0);
        break;
    case '\\':
        c->p++;
        parse_escape(c);
        break;
    case '*':
    case '+':
    case '?': re_error("nothing to repeat");
    default: emit(c, OP_CHAR, (int32_t)next_char(c), 0); break;
    }
    return true;
}

/* copy prog[from, from+len) to the end (for counted repeats), fixing jump targets */
static void copy_prog(comp_t *c, size_t from, size_t len) {
    size_t base = c->re->n;
    for (size_t i = 0; i < len; i++) {
        inst_t in = c->re->prog[from + i];
        int32_t shift = (int32_t)(base - from);
        if (in.op == OP_SPLIT) in.a += shift, in.b += shift;
        if (in.op == OP_JMP || in.op == OP_LOOK) in.a += shift;
        if (in.op == OP_PROGRESS) in.b += shift;
        emit(c, in.op, in.a, in.b);
    }
}

/* insert room for k instructions at position at, shifting later code */
static void insert_at(comp_t *c, size_t at, size_t k) {
    for (size_t i = 0; i < k; i++) emit(c, OP_MATCH, 0, 0);
    inst_t *p = c->re->prog;
    memmove(p + at + k, p + at, (c->re->n - k - at) * sizeof(inst_t));
    for (size_t i = at + k; i < c->re->n; i++) {
        if (p[i].op == OP_SPLIT) {
            if ((size_t)p[i].a >= at) p[i].a += (int32_t)k;
            if ((size_t)p[i].b >= at) p[i].b += (int32_t)k;
        }
        if ((p[i].op == OP_JMP || p[i].op == OP_LOOK) && (size_t)p[i].a >= at) p[i].a += (int32_t)k;
        if (p[i].op == OP_PROGRESS && (size_t)p[i].b >= at) p[i].b += (int32_t)k;
    }
}

/* x* over the code at [start, n): SPLIT body, end; body; PROGRESS; JMP start */
static void make_star(comp_t *c, size_t start, bool lazy) {
    insert_at(c, start, 1);
    int loop = c->re->nloops++;
    size_t prog = emit(c, OP_PROGRESS, loop, 0);
    emit(c, OP_JMP, (int32_t)start, 0);
    c->re->prog[prog].b = (int32_t)c->re->n;
    inst_t *s = &c->re->prog[start];
    s->op = OP_SPLIT;
    s->a = lazy ? (int32_t)c->re->n : (int32_t)start + 1;
    s->b = lazy ? (int32_t)start + 1 : (int32_t)c->re->n;
}

static void make_optional(comp_t *c, size_t start, bool lazy) {
    insert_at(c, start, 1);
    inst_t *s = &c->re->prog[start];
    s->op = OP_SPLIT;
    s->a = lazy ? (int32_t)c->re->n : (int32_t)start + 1;
    s->b = lazy ? (int32_t)start + 1 : (int32_t)c->re->n;
}

/* one more decimal digit of a repeat count; saturates far above the limit checked later */
static long digit(long v, uint8_t ch) {
    v = v < 0 ? 0 : v;
    return v > 100000 ? v : v * 10 + (ch - '0');
}

static bool parse_count(comp_t *c, long *m, long *n) {
    const uint8_t *save = c->p;
    c->p++; /* { */
    long a = -1, b;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') a = digit(a, *c->p++);
    b = a;
    if (c->p < c->end && *c->p == ',') {
        c->p++;
        b = -1;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9') b = digit(b, *c->p++);
        if (a < 0) a = 0;
    }
    if (c->p >= c->end || *c->p != '}' || a < 0) {
        c->p = save; /* not a repeat: a literal '{' */
        return false;
    }
    c->p++;
    if (b >= 0 && b < a) re_error("min repeat greater than max repeat");
    if (a > 1000 || b > 1000) re_error("repeat count too large");
    *m = a, *n = b;
    return true;
}

static void parse_quant(comp_t *c, size_t start) {
    while (c->p < c->end) {
        uint8_t q = *c->p;
        long m, n;
        if (q == '{') {
            if (!parse_count(c, &m, &n)) return;
        } else if (q == '*' || q == '+' || q == '?') {
            c->p++;
            m = q == '+' ? 1 : 0;
            n = q == '?' ? 1 : -1;
        } else {
            return;
        }
        bool lazy = c->p < c->end && *c->p == '?';
        if (lazy) c->p++;
        size_t len = c->re->n - start;
        if (len == 0) re_error("nothing to repeat");
        /* m required copies, then (n - m) optional ones or a star */
        size_t body = start;
        if (m == 0) c->re->n = start; /* the first copy becomes optional/star below */
        inst_t *saved = mt_alloc(len * sizeof(inst_t));
        memcpy(saved, c->re->prog + body, len * sizeof(inst_t));
        for (long i = 1; i < m; i++) copy_prog(c, body, len);
        long opt = n < 0 ? -1 : n - m;
        if (opt != 0) {
            size_t s = c->re->n;
            for (size_t i = 0; i < len; i++) emit(c, saved[i].op, saved[i].a, saved[i].b);
            for (size_t i = 0; i < len; i++) { /* re-base jumps of the copy */
                inst_t *in = &c->re->prog[s + i];
                int32_t shift = (int32_t)(s - body);
                if (in->op == OP_SPLIT) in->a += shift, in->b += shift;
                if (in->op == OP_JMP || in->op == OP_LOOK) in->a += shift;
                if (in->op == OP_PROGRESS) in->b += shift;
            }
            if (opt < 0) {
                make_star(c, s, lazy);
            } else {
                make_optional(c, s, lazy);
                for (long i = 1; i < opt; i++) {
                    size_t s2 = c->re->n;
                    copy_prog(c, s + 1, len);
                    make_optional(c, s2, lazy);
                }
            }
        }
        mt_free(saved);
        start = body;
    }
}

static void parse_branch(comp_t *c) {
    for (;;) {
        size_t start = c->re->n;
        if (!parse_atom(c)) return;
        parse_quant(c, start);
    }
}

static void parse_alt(comp_t *c) {
    size_t start = c->re->n;
    parse_branch(c);
    while (c->p < c->end && *c->p == '|') {
        c->p++;
        insert_at(c, start, 1);
        size_t jmp = emit(c, OP_JMP, 0, 0);
        c->re->prog[start].op = OP_SPLIT;
        c->re->prog[start].a = (int32_t)start + 1;
        c->re->prog[start].b = (int32_t)c->re->n;
        parse_branch(c);
        c->re->prog[jmp].a = (int32_t)c->re->n;
    }
}

static re_t *re_compile(mt_obj_t pattern, int flags) {
    re_t *re = mt_new_obj(re_t);
    re->base.type = &re_type;
    re->pattern = pattern;
    re->is_bytes = !mt_obj_is_str(pattern);
    comp_t c = {0};
    size_t len;
    if (re->is_bytes) {
        mt_buffer_info_t b;
        mt_get_buffer_raise(pattern, &b, MT_BUFFER_READ);
        c.p = b.buf;
        len = b.len;
    } else {
        c.p = (const uint8_t *)mt_str_data(pattern, &len);
    }
    c.end = c.p + len;
    c.re = re;
    c.is_bytes = re->is_bytes;
    while (c.end - c.p >= 4 && c.p[0] == '(' && c.p[1] == '?' && strchr("ims", c.p[2]) && c.p[2]) {
        const uint8_t *q = c.p + 2; /* leading inline flags */
        int f = 0;
        while (q < c.end && strchr("ims", *q) && *q)
            f |= *q == 'i' ? FLAG_I : *q == 'm' ? FLAG_M : FLAG_S, q++;
        if (q >= c.end || *q != ')') break;
        flags |= f;
        c.p = q + 1;
    }
    re->flags = flags;
    emit(&c, OP_SAVE, 0, 0);
    parse_alt(&c);
    if (c.p < c.end) re_error("unbalanced parenthesis");
    emit(&c, OP_SAVE, 1, 0);
    emit(&c, OP_MATCH, 0, 0);
    return re;
}

/* ---- matcher */

typedef struct {
    const re_t *re;
    const uint8_t *s;
    size_t len;
    size_t *caps;  /* 2 * (ngroups + 1), SIZE_MAX = unset */
    size_t *loops; /* last position per loop */
    long steps;
    bool full; /* fullmatch: a match must end at len */
    /* backtrack stack: (kind, a, b) triples */
    size_t *stack;
    size_t sp, cap;
} matcher_t;

enum { BT_BRANCH, BT_CAP, BT_LOOP };

static void push(matcher_t *m, size_t kind, size_t a, size_t b) {
    if (m->sp + 3 > m->cap) {
        m->cap = m->cap ? m->cap * 2 : 96;
        m->stack = mt_realloc(m->stack, m->cap * sizeof(size_t));
    }
    m->stack[m->sp++] = kind;
    m->stack[m->sp++] = a;
    m->stack[m->sp++] = b;
}

static uint32_t char_at(const matcher_t *m, size_t pos, size_t *next) {
    uint32_t ch = m->s[pos];
    size_t k = 1;
    if (!m->re->is_bytes && ch >= 0xc0) {
        int extra = ch >= 0xf0 ? 3 : ch >= 0xe0 ? 2 : 1;
        ch &= 0x3f >> extra;
        while (extra-- && pos + k < m->len) ch = (ch << 6) | (m->s[pos + k++] & 0x3f);
    }
    *next = pos + k;
    return ch;
}

static uint32_t fold(uint32_t ch) {
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static bool in_class(const matcher_t *m, int32_t at, uint32_t ch) {
    const uint32_t *cl = m->re->classes + at;
    bool ci = m->re->flags & FLAG_I;
    for (uint32_t i = 0; i < cl[0]; i++) {
        uint32_t lo = cl[1 + 2 * i], hi = cl[2 + 2 * i];
        if (ch >= lo && ch <= hi) return true;
        if (ci) {
            uint32_t up = ch >= 'a' && ch <= 'z' ? ch - 32 : ch, low = fold(ch);
            if ((up >= lo && up <= hi) || (low >= lo && low <= hi)) return true;
        }
    }
    return false;
}

static bool is_word(const matcher_t *m, size_t pos) {
    if (pos >= m->len) return false;
    uint8_t c = m->s[pos];
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_' ||
           (!m->re->is_bytes && c >= 0x80);
}

static bool at_word_boundary(const matcher_t *m, size_t pos) {
    bool before = false;
    if (pos > 0) {
        size_t p = pos - 1;
        while (p > 0 && !m->re->is_bytes && (m->s[p] & 0xc0) == 0x80) p--;
        before = is_word(m, p);
    }
    return before != is_word(m, pos);
}

static bool run(matcher_t *m, size_t pc, size_t pos, size_t *end_pos);

/* one instruction that consumes or tests; false = fail */
static bool step(matcher_t *m, const inst_t *in, size_t *pos) {
    size_t next;
    int flags = m->re->flags;
    switch (in->op) {
    case OP_CHAR: {
        if (*pos >= m->len) return false;
        uint32_t ch = char_at(m, *pos, &next);
        if (ch != (uint32_t)in->a && !((flags & FLAG_I) && fold(ch) == fold((uint32_t)in->a)))
            return false;
        *pos = next;
        return true;
    }
    case OP_ANY:
        if (*pos >= m->len || (!(flags & FLAG_S) && m->s[*pos] == '\n')) return false;
        char_at(m, *pos, &next);
        *pos = next;
        return true;
    case OP_CLASS: {
        if (*pos >= m->len) return false;
        uint32_t ch = char_at(m, *pos, &next);
        if (in_class(m, in->a, ch) == (in->b != 0)) return false;
        *pos = next;
        return true;
    }
    case OP_BOL: return *pos == 0 || ((flags & FLAG_M) && m->s[*pos - 1] == '\n');
    case OP_EOL:
        return *pos == m->len || (*pos + 1 == m->len && m->s[*pos] == '\n') ||
               ((flags & FLAG_M) && m->s[*pos] == '\n');
    case OP_BEGIN: return *pos == 0;
    case OP_END: return *pos == m->len;
    case OP_WORDB: return at_word_boundary(m, *pos);
    case OP_NWORDB: return !at_word_boundary(m, *pos);
    case OP_BACKREF: {
        size_t s = m->caps[2 * in->a], e = m->caps[2 * in->a + 1];
        if (s == SIZE_MAX || e == SIZE_MAX) return false;
        if (*pos + (e - s) > m->len) return false;
        for (size_t i = 0; i < e - s; i++) {
            uint8_t x = m->s[s + i], y = m->s[*pos + i];
            if (x != y && !((flags & FLAG_I) && fold(x) == fold(y))) return false;
        }
        *pos += e - s;
        return true;
    }
    default: return false;
    }
}

/* run from pc at pos until MATCH (true, *end_pos set) or exhaustion (false) */
static bool run(matcher_t *m, size_t pc, size_t pos, size_t *end_pos) {
    size_t base = m->sp;
    for (;;) {
        if (++m->steps > RE_STEP_LIMIT)
            mt_raise_msg(&mt_type_RuntimeError, "regex step limit exceeded");
        const inst_t *in = &m->re->prog[pc];
        bool ok = true;
        switch (in->op) {
        case OP_MATCH:
            if (m->full && pos != m->len) {
                ok = false;
                break;
            }
            *end_pos = pos;
            m->sp = base;
            return true;
        case OP_LOOKEND:
            *end_pos = pos;
            m->sp = base; /* commit: drop this run's choice points */
            return true;
        case OP_SPLIT:
            push(m, BT_BRANCH, (size_t)in->b, pos);
            pc = (size_t)in->a;
            continue;
        case OP_JMP: pc = (size_t)in->a; continue;
        case OP_SAVE:
            push(m, BT_CAP, (size_t)in->a, m->caps[in->a]);
            m->caps[in->a] = pos;
            pc++;
            continue;
        case OP_PROGRESS:
            if (m->loops[in->a] == pos) { /* an empty iteration: stop looping, keep it */
                pc = (size_t)in->b;
                continue;
            }
            push(m, BT_LOOP, (size_t)in->a, m->loops[in->a]);
            m->loops[in->a] = pos;
            pc++;
            continue;
        case OP_LOOK: {
            size_t save_sp = m->sp, dummy;
            mt_stack_check();
            bool found = run(m, pc + 1, pos, &dummy);
            m->sp = save_sp;
            if (found == (in->b != 0))
                ok = false;
            else {
                pc = (size_t)in->a;
                continue;
            }
            break;
        }
        default:
            ok = step(m, in, &pos);
            if (ok) {
                pc++;
                continue;
            }
        }
        /* fail: backtrack to the latest choice point of this run */
        for (;;) {
            if (m->sp == base) return false;
            size_t b = m->stack[--m->sp], a = m->stack[--m->sp], kind = m->stack[--m->sp];
            if (kind == BT_CAP)
                m->caps[a] = b;
            else if (kind == BT_LOOP)
                m->loops[a] = b;
            else {
                pc = a;
                pos = b;
                break;
            }
        }
    }
}

typedef struct {
    mt_obj_base_t base;
    mt_obj_t re;
    mt_obj_t string;
    size_t ngroups;
    size_t caps[];
} match_t;

/* try a match starting at each position from `start` (only `start` when anchored) */
static mt_obj_t do_match(re_t *re, mt_obj_t string, size_t start, size_t stop, bool anchored,
                         bool full) {
    matcher_t m = {0};
    m.re = re;
    m.full = full;
    if (re->is_bytes) {
        mt_buffer_info_t b;
        mt_get_buffer_raise(string, &b, MT_BUFFER_READ);
        m.s = b.buf;
        m.len = b.len;
    } else {
        if (!mt_obj_is_str(string)) mt_raise_type_error("expected string or bytes-like object");
        m.s = (const uint8_t *)mt_str_data(string, &m.len);
    }
    if (stop < m.len) m.len = stop;
    size_t ncap = 2 * ((size_t)re->ngroups + 1);
    m.caps = mt_alloc(ncap * sizeof(size_t));
    m.loops = mt_alloc(((size_t)re->nloops + 1) * sizeof(size_t));
    for (size_t pos = start; pos <= m.len; pos++) {
        if (!re->is_bytes && pos < m.len && (m.s[pos] & 0xc0) == 0x80) continue;
        for (size_t i = 0; i < ncap; i++) m.caps[i] = SIZE_MAX;
        for (int i = 0; i < re->nloops; i++) m.loops[i] = SIZE_MAX;
        size_t end;
        m.sp = 0;
        bool ok = run(&m, 0, pos, &end);
        if (ok) {
            match_t *r = mt_alloc(sizeof(match_t) + ncap * sizeof(size_t));
            r->base.type = &match_type;
            r->re = MT_OBJ_FROM_PTR(re);
            r->string = string;
            r->ngroups = (size_t)re->ngroups;
            memcpy(r->caps, m.caps, ncap * sizeof(size_t));
            mt_free(m.stack);
            return MT_OBJ_FROM_PTR(r);
        }
        if (anchored) break;
    }
    mt_free(m.stack);
    return MT_NONE;
}

/* ---- match objects */

static size_t cp_index(const match_t *m, size_t byte_off) { /* byte offset -> code point */
    if (!mt_obj_is_str(m->string)) return byte_off;
    size_t n;
    const uint8_t *s = (const uint8_t *)mt_str_data(m->string, &n);
    size_t k = 0;
    for (size_t i = 0; i < byte_off && i < n; i++) k += (s[i] & 0xc0) != 0x80;
    return k;
}

static size_t group_index(const match_t *m, mt_obj_t g) {
    if (mt_obj_is_str(g)) {
        const re_t *re = MT_OBJ_TO_PTR(m->re);
        mt_obj_t v = re->names ? mt_dict_get(re->names, g) : MT_NULL;
        if (v == MT_NULL) mt_raise_msg(&mt_type_IndexError, "no such group");
        return (size_t)MT_SMALL_INT_VALUE(v);
    }
    mt_int_t i = mt_obj_get_int(g);
    if (i < 0 || (size_t)i > m->ngroups) mt_raise_msg(&mt_type_IndexError, "no such group");
    return (size_t)i;
}

static mt_obj_t group_value(const match_t *m, size_t i, mt_obj_t deflt) {
    size_t s = m->caps[2 * i], e = m->caps[2 * i + 1];
    if (s == SIZE_MAX || e == SIZE_MAX) return deflt;
    size_t n;
    const char *data;
    if (mt_obj_is_str(m->string)) {
        data = mt_str_data(m->string, &n);
        return mt_str_new(data + s, e - s);
    }
    mt_buffer_info_t b;
    mt_get_buffer_raise(m->string, &b, MT_BUFFER_READ);
    return mt_bytes_new((const char *)b.buf + s, e - s);
}

static mt_obj_t match_group(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    if (n <= 2) return group_value(m, n == 1 ? 0 : group_index(m, args[1]), MT_NONE);
    mt_obj_t t = mt_tuple_new(n - 1, NULL);
    for (size_t i = 1; i < n; i++)
        ((mt_tuple_t *)MT_OBJ_TO_PTR(t))->items[i - 1] =
            group_value(m, group_index(m, args[i]), MT_NONE);
    return t;
}
static MT_DEFINE_FUN_VAR(match_group_obj, 1, MT_FUN_ARGS_MAX, match_group);

static mt_obj_t match_groups(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    mt_obj_t t = mt_tuple_new(m->ngroups, NULL);
    for (size_t i = 1; i <= m->ngroups; i++)
        ((mt_tuple_t *)MT_OBJ_TO_PTR(t))->items[i - 1] =
            group_value(m, i, n > 1 ? args[1] : MT_NONE);
    return t;
}
static MT_DEFINE_FUN_VAR(match_groups_obj, 1, 2, match_groups);

static mt_obj_t match_groupdict(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    const re_t *re = MT_OBJ_TO_PTR(m->re);
    mt_obj_t d = mt_dict_new(0);
    if (re->names == MT_NULL) return d;
    mt_map_t *map = mt_dict_map(re->names);
    for (size_t i = 0; i < map->used; i++)
        if (MT_MAP_SLOT_IS_FILLED(map, i))
            mt_dict_store(d, map->elems[i].key,
                          group_value(m, (size_t)MT_SMALL_INT_VALUE(map->elems[i].value),
                                      n > 1 ? args[1] : MT_NONE));
    return d;
}
static MT_DEFINE_FUN_VAR(match_groupdict_obj, 1, 2, match_groupdict);

static mt_obj_t pos_of(const match_t *m, size_t i, int which) {
    size_t v = m->caps[2 * i + (size_t)which];
    return v == SIZE_MAX ? MT_NEW_SMALL_INT(-1) : MT_NEW_SMALL_INT(cp_index(m, v));
}

static mt_obj_t match_start(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    return pos_of(m, n > 1 ? group_index(m, args[1]) : 0, 0);
}
static MT_DEFINE_FUN_VAR(match_start_obj, 1, 2, match_start);

static mt_obj_t match_end(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    return pos_of(m, n > 1 ? group_index(m, args[1]) : 0, 1);
}
static MT_DEFINE_FUN_VAR(match_end_obj, 1, 2, match_end);

static mt_obj_t match_span(size_t n, const mt_obj_t *args) {
    const match_t *m = MT_OBJ_TO_PTR(args[0]);
    size_t g = n > 1 ? group_index(m, args[1]) : 0;
    mt_obj_t items[2] = {pos_of(m, g, 0), pos_of(m, g, 1)};
    return mt_tuple_new(2, items);
}
static MT_DEFINE_FUN_VAR(match_span_obj, 1, 2, match_span);

static mt_obj_t match_subscr(mt_obj_t self, mt_obj_t index, mt_obj_t value) {
    if (value != MT_SENTINEL) return MT_NULL;
    const match_t *m = MT_OBJ_TO_PTR(self);
    return group_value(m, group_index(m, index), MT_NONE);
}

static void match_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    const match_t *m = MT_OBJ_TO_PTR(self);
    if (dest[0] != MT_NULL) return;
    if (attr == MT_QSTR_string)
        dest[0] = m->string;
    else if (attr == MT_QSTR_re)
        dest[0] = m->re;
    else if (attr == MT_QSTR_lastindex) {
        dest[0] = MT_NONE;
        size_t best = 0;
        for (size_t i = 1; i <= m->ngroups; i++)
            if (m->caps[2 * i + 1] != SIZE_MAX &&
                (best == 0 || m->caps[2 * i + 1] > m->caps[2 * best + 1]))
                best = i;
        if (best) dest[0] = MT_NEW_SMALL_INT(best);
    }
}

static void match_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    const match_t *m = MT_OBJ_TO_PTR(self);
    mt_printf(p, "<re.Match object; span=(%u, %u), match=%R>", (unsigned)cp_index(m, m->caps[0]),
              (unsigned)cp_index(m, m->caps[1]), group_value(m, 0, MT_NONE));
}

static const mt_map_elem_t match_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_group), MT_ROM_PTR(&match_group_obj)},
    {MT_ROM_QSTR(MT_QSTR_groups), MT_ROM_PTR(&match_groups_obj)},
    {MT_ROM_QSTR(MT_QSTR_groupdict), MT_ROM_PTR(&match_groupdict_obj)},
    {MT_ROM_QSTR(MT_QSTR_start), MT_ROM_PTR(&match_start_obj)},
    {MT_ROM_QSTR(MT_QSTR_end), MT_ROM_PTR(&match_end_obj)},
    {MT_ROM_QSTR(MT_QSTR_span), MT_ROM_PTR(&match_span_obj)},
};
static MT_DEFINE_CONST_MAP(match_locals, match_locals_table);

static const mt_type_t match_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_Match,
    .print = match_print,
    .attr = match_attr,
    .subscr = match_subscr,
    .locals = &match_locals,
};

/* ---- pattern methods */

/* byte offset in the subject for a code-point index (pos/endpos arguments) */
static size_t byte_offset(mt_obj_t string, mt_int_t idx) {
    size_t n;
    if (!mt_obj_is_str(string)) {
        mt_buffer_info_t b;
        mt_get_buffer_raise(string, &b, MT_BUFFER_READ);
        n = b.len;
        if (idx < 0) idx = 0;
        return (size_t)idx < n ? (size_t)idx : n;
    }
    const uint8_t *s = (const uint8_t *)mt_str_data(string, &n);
    if (idx <= 0) return 0;
    size_t i = 0;
    for (mt_int_t k = 0; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80 && k++ == idx) return i;
    }
    return n;
}

static re_t *as_re(mt_obj_t o, int flags) {
    if (MT_IS_TYPE(o, &re_type)) return MT_OBJ_TO_PTR(o);
    return re_compile(o, flags);
}

static mt_obj_t pattern_search_kind(size_t n, const mt_obj_t *args, bool anchored, bool full) {
    re_t *re = MT_OBJ_TO_PTR(args[0]);
    size_t start = n > 2 ? byte_offset(args[1], mt_obj_get_int(args[2])) : 0;
    size_t stop = n > 3 ? byte_offset(args[1], mt_obj_get_int(args[3])) : SIZE_MAX;
    return do_match(re, args[1], start, stop, anchored, full);
}

static mt_obj_t pattern_match(size_t n, const mt_obj_t *args) {
    return pattern_search_kind(n, args, true, false);
}
static mt_obj_t pattern_search(size_t n, const mt_obj_t *args) {
    return pattern_search_kind(n, args, false, false);
}
static mt_obj_t pattern_fullmatch(size_t n, const mt_obj_t *args) {
    return pattern_search_kind(n, args, true, true);
}
static MT_DEFINE_FUN_VAR(pattern_match_obj, 2, 4, pattern_match);
static MT_DEFINE_FUN_VAR(pattern_search_obj, 2, 4, pattern_search);
static MT_DEFINE_FUN_VAR(pattern_fullmatch_obj, 2, 4, pattern_fullmatch);

/* every match, left to right, with CPython 3.7's rule for empty matches */
/* Successive matches, left to right, with CPython 3.7's rule for empty matches; one match
 * object at a time, so sub/findall/split over a long text keep no list of them. */
typedef struct {
    re_t *re;
    mt_obj_t string;
    size_t len, pos, last_empty, count, max;
} scan_t;

static void scan_init(scan_t *sc, re_t *re, mt_obj_t string, size_t max) {
    sc->re = re;
    sc->string = string;
    if (mt_obj_is_str(string)) {
        mt_str_data(string, &sc->len);
    } else {
        mt_buffer_info_t b;
        mt_get_buffer_raise(string, &b, MT_BUFFER_READ);
        sc->len = b.len;
    }
    sc->pos = sc->count = 0;
    sc->last_empty = SIZE_MAX;
    sc->max = max;
}

/* the next match, or MT_NONE */
static mt_obj_t scan_next(scan_t *sc) {
    if (sc->pos > sc->len || (sc->max && sc->count >= sc->max)) return MT_NONE;
    mt_obj_t m = do_match(sc->re, sc->string, sc->pos, SIZE_MAX, false, false);
    if (m == MT_NONE) return MT_NONE;
    match_t *mm = MT_OBJ_TO_PTR(m);
    if (mm->caps[0] == mm->caps[1] && mm->caps[0] == sc->last_empty) {
        /* empty again where the last empty one was: try one character further */
        size_t next = mm->caps[0] + 1;
        while (next < sc->len && mt_obj_is_str(sc->string) &&
               ((uint8_t)mt_obj_str_cstr(sc->string)[next] & 0xc0) == 0x80)
            next++;
        if (next > sc->len) return MT_NONE;
        m = do_match(sc->re, sc->string, next, SIZE_MAX, false, false);
        if (m == MT_NONE) return MT_NONE;
        mm = MT_OBJ_TO_PTR(m);
    }
    sc->last_empty = mm->caps[0] == mm->caps[1] ? mm->caps[1] : SIZE_MAX;
    sc->pos = mm->caps[1];
    sc->count++;
    return m;
}

static mt_obj_t all_matches(re_t *re, mt_obj_t string, size_t max) {
    mt_obj_t list = mt_list_new(0, NULL), m;
    scan_t sc;
    scan_init(&sc, re, string, max);
    while ((m = scan_next(&sc)) != MT_NONE) mt_list_append(list, m);
    return list;
}

static mt_obj_t pattern_findall(size_t n, const mt_obj_t *args) {
    mt_obj_t out = mt_list_new(0, NULL), mo;
    scan_t sc;
    scan_init(&sc, MT_OBJ_TO_PTR(args[0]), args[1], 0);
    while ((mo = scan_next(&sc)) != MT_NONE) {
        const match_t *m = MT_OBJ_TO_PTR(mo);
        mt_obj_t empty = mt_obj_is_str(args[1]) ? MT_NEW_QSTR(MT_QSTR_NULL) : mt_bytes_new("", 0);
        if (m->ngroups == 0)
            mt_list_append(out, group_value(m, 0, empty));
        else if (m->ngroups == 1)
            mt_list_append(out, group_value(m, 1, empty));
        else {
            mt_obj_t t = mt_tuple_new(m->ngroups, NULL);
            for (size_t g = 1; g <= m->ngroups; g++)
                ((mt_tuple_t *)MT_OBJ_TO_PTR(t))->items[g - 1] = group_value(m, g, empty);
            mt_list_append(out, t);
        }
    }
    return out;
}
static MT_DEFINE_FUN_VAR(pattern_findall_obj, 2, 2, pattern_findall);

static mt_obj_t pattern_finditer(size_t n, const mt_obj_t *args) {
    return mt_getiter(all_matches(MT_OBJ_TO_PTR(args[0]), args[1], 0), NULL);
}
static MT_DEFINE_FUN_VAR(pattern_finditer_obj, 2, 2, pattern_finditer);

/* the subject's bytes */
static const char *subject(mt_obj_t s, size_t *len) {
    if (mt_obj_is_str(s)) return mt_str_data(s, len);
    mt_buffer_info_t b;
    mt_get_buffer_raise(s, &b, MT_BUFFER_READ);
    *len = b.len;
    return b.buf;
}

static mt_obj_t make_text(mt_obj_t like, mt_vstr_t *v) {
    return mt_obj_is_str(like) ? mt_str_new_from_vstr(v) : mt_bytes_new_from_vstr(v);
}

/* expand a replacement template: \1 \g<1> \g<name> and the usual escapes */
static void expand(mt_vstr_t *out, const match_t *m, const char *t, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c != '\\' || i + 1 == n) {
            mt_vstr_add_byte(out, (uint8_t)c);
            continue;
        }
        char e = t[++i];
        mt_obj_t g = MT_NULL;
        if (e >= '0' && e <= '9') {
            int k = e - '0';
            if (i + 1 < n && t[i + 1] >= '0' && t[i + 1] <= '9') k = k * 10 + (t[++i] - '0');
            g = MT_NEW_SMALL_INT(k);
        } else if (e == 'g' && i + 1 < n && t[i + 1] == '<') {
            size_t j = i + 2;
            while (j < n && t[j] != '>') j++;
            if (j >= n) re_error("missing >, unterminated name");
            bool digits = true;
            for (size_t k = i + 2; k < j; k++) digits &= t[k] >= '0' && t[k] <= '9';
            g = digits && j > i + 2 ? mt_int_parse(t + i + 2, j - i - 2, 10, false)
                                    : mt_str_new(t + i + 2, j - i - 2);
            i = j;
        } else {
            const char *esc = strchr("ntrfva\\", e);
            if (esc && e)
                mt_vstr_add_byte(out, (uint8_t) "\n\t\r\f\v\a\\"[esc - "ntrfva\\"]);
            else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))
                re_error("bad escape in template");
            else
                mt_vstr_add_byte(out, '\\'), mt_vstr_add_byte(out, (uint8_t)e);
            continue;
        }
        size_t gi = group_index(m, g);
        size_t s = m->caps[2 * gi], e2 = m->caps[2 * gi + 1];
        if (s != SIZE_MAX && e2 != SIZE_MAX) {
            size_t len;
            const char *d = subject(m->string, &len);
            mt_vstr_add_strn(out, d + s, e2 - s);
        }
    }
}

static mt_obj_t do_sub(re_t *re, mt_obj_t repl, mt_obj_t string, size_t count, size_t *nsubs) {
    size_t len;
    const char *s = subject(string, &len);
    scan_t sc;
    scan_init(&sc, re, string, count);
    mt_obj_t mo;
    mt_vstr_t out;
    mt_vstr_init(&out, len + 16);
    size_t pos = 0;
    bool callable = mt_obj_is_callable(repl);
    size_t tn = 0;
    const char *t = callable ? NULL : subject(repl, &tn);
    while ((mo = scan_next(&sc)) != MT_NONE) {
        const match_t *m = MT_OBJ_TO_PTR(mo);
        mt_vstr_add_strn(&out, s + pos, m->caps[0] - pos);
        if (callable) {
            size_t rn;
            const char *r = subject(mt_call1(repl, mo), &rn);
            mt_vstr_add_strn(&out, r, rn);
        } else {
            expand(&out, m, t, tn);
        }
        pos = m->caps[1];
    }
    mt_vstr_add_strn(&out, s + pos, len - pos);
    *nsubs = sc.count;
    return make_text(string, &out);
}

static mt_obj_t sub_args(size_t n, const mt_obj_t *args, mt_map_t *kw, bool with_count) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_self, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_repl, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_string, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_count, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[4];
    mt_arg_parse(n, args, kw, 4, spec, a);
    size_t nsubs;
    mt_obj_t r = do_sub(MT_OBJ_TO_PTR(a[0]), a[1], a[2], (size_t)mt_obj_get_int(a[3]), &nsubs);
    if (!with_count) return r;
    mt_obj_t items[2] = {r, MT_NEW_SMALL_INT(nsubs)};
    return mt_tuple_new(2, items);
}
static mt_obj_t pattern_sub(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return sub_args(n, args, kw, false);
}
static mt_obj_t pattern_subn(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return sub_args(n, args, kw, true);
}
static MT_DEFINE_FUN_KW(pattern_sub_obj, 3, pattern_sub);
static MT_DEFINE_FUN_KW(pattern_subn_obj, 3, pattern_subn);

static mt_obj_t pattern_split(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_self, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_string, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_maxsplit, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[3];
    mt_arg_parse(n, args, kw, 3, spec, a);
    size_t len;
    const char *s = subject(a[1], &len);
    scan_t sc;
    scan_init(&sc, MT_OBJ_TO_PTR(a[0]), a[1], (size_t)mt_obj_get_int(a[2]));
    mt_obj_t out = mt_list_new(0, NULL), mo;
    size_t pos = 0;
    while ((mo = scan_next(&sc)) != MT_NONE) {
        const match_t *m = MT_OBJ_TO_PTR(mo);
        mt_vstr_t piece;
        mt_vstr_init(&piece, m->caps[0] - pos + 1);
        mt_vstr_add_strn(&piece, s + pos, m->caps[0] - pos);
        mt_list_append(out, make_text(a[1], &piece));
        for (size_t g = 1; g <= m->ngroups; g++) mt_list_append(out, group_value(m, g, MT_NONE));
        pos = m->caps[1];
    }
    mt_vstr_t rest;
    mt_vstr_init(&rest, len - pos + 1);
    mt_vstr_add_strn(&rest, s + pos, len - pos);
    mt_list_append(out, make_text(a[1], &rest));
    return out;
}
static MT_DEFINE_FUN_KW(pattern_split_obj, 2, pattern_split);

static void pattern_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    re_t *re = MT_OBJ_TO_PTR(self);
    if (dest[0] != MT_NULL) return;
    if (attr == MT_QSTR_pattern)
        dest[0] = re->pattern;
    else if (attr == MT_QSTR_flags)
        dest[0] = MT_NEW_SMALL_INT(re->flags | (re->is_bytes ? 0 : 32));
    else if (attr == MT_QSTR_groups)
        dest[0] = MT_NEW_SMALL_INT(re->ngroups);
    else if (attr == MT_QSTR_groupindex)
        dest[0] = re->names ? re->names : mt_dict_new(0);
}

static void pattern_print(const mt_print_t *p, mt_obj_t self, mt_print_kind_t kind) {
    mt_printf(p, "re.compile(%R)", ((re_t *)MT_OBJ_TO_PTR(self))->pattern);
}

static const mt_map_elem_t pattern_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_match), MT_ROM_PTR(&pattern_match_obj)},
    {MT_ROM_QSTR(MT_QSTR_search), MT_ROM_PTR(&pattern_search_obj)},
    {MT_ROM_QSTR(MT_QSTR_fullmatch), MT_ROM_PTR(&pattern_fullmatch_obj)},
    {MT_ROM_QSTR(MT_QSTR_findall), MT_ROM_PTR(&pattern_findall_obj)},
    {MT_ROM_QSTR(MT_QSTR_finditer), MT_ROM_PTR(&pattern_finditer_obj)},
    {MT_ROM_QSTR(MT_QSTR_sub), MT_ROM_PTR(&pattern_sub_obj)},
    {MT_ROM_QSTR(MT_QSTR_subn), MT_ROM_PTR(&pattern_subn_obj)},
    {MT_ROM_QSTR(MT_QSTR_split), MT_ROM_PTR(&pattern_split_obj)},
};
static MT_DEFINE_CONST_MAP(pattern_locals, pattern_locals_table);

static const mt_type_t re_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_Pattern,
    .print = pattern_print,
    .attr = pattern_attr,
    .locals = &pattern_locals,
};

/* ---- module functions: re.f(pattern, ...) = compile(pattern).f(...) */

static mt_obj_t re_compile_fn(size_t n, const mt_obj_t *args) {
    return MT_OBJ_FROM_PTR(as_re(args[0], n > 1 ? (int)mt_obj_get_int(args[1]) : 0));
}
static MT_DEFINE_FUN_VAR(re_compile_obj, 1, 2, re_compile_fn);

/* pattern, string[, flags] -> call pattern method */
static mt_obj_t with_pattern(size_t n, const mt_obj_t *args,
                             mt_obj_t (*f)(size_t, const mt_obj_t *)) {
    mt_obj_t a[2] = {MT_OBJ_FROM_PTR(as_re(args[0], n > 2 ? (int)mt_obj_get_int(args[2]) : 0)),
                     args[1]};
    return f(2, a);
}
static mt_obj_t re_match(size_t n, const mt_obj_t *args) {
    return with_pattern(n, args, pattern_match);
}
static mt_obj_t re_search(size_t n, const mt_obj_t *args) {
    return with_pattern(n, args, pattern_search);
}
static mt_obj_t re_fullmatch(size_t n, const mt_obj_t *args) {
    return with_pattern(n, args, pattern_fullmatch);
}
static mt_obj_t re_findall(size_t n, const mt_obj_t *args) {
    return with_pattern(n, args, pattern_findall);
}
static mt_obj_t re_finditer(size_t n, const mt_obj_t *args) {
    return with_pattern(n, args, pattern_finditer);
}
static MT_DEFINE_FUN_VAR(re_match_obj, 2, 3, re_match);
static MT_DEFINE_FUN_VAR(re_search_obj, 2, 3, re_search);
static MT_DEFINE_FUN_VAR(re_fullmatch_obj, 2, 3, re_fullmatch);
static MT_DEFINE_FUN_VAR(re_findall_obj, 2, 3, re_findall);
static MT_DEFINE_FUN_VAR(re_finditer_obj, 2, 3, re_finditer);

/* sub/subn/split: (pattern, ..., count/maxsplit, flags) with keywords */
static mt_obj_t re_sub_kind(size_t n, const mt_obj_t *args, mt_map_t *kw, int kind) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_pattern, MT_ARG_REQUIRED, MT_NULL}, {MT_QSTR_repl, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_string, MT_ARG_REQUIRED, MT_NULL},  {MT_QSTR_count, 0, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_flags, 0, MT_NEW_SMALL_INT(0)},
    };
    static const mt_arg_spec_t split_spec[] = {
        {MT_QSTR_pattern, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_string, MT_ARG_REQUIRED, MT_NULL},
        {MT_QSTR_maxsplit, 0, MT_NEW_SMALL_INT(0)},
        {MT_QSTR_flags, 0, MT_NEW_SMALL_INT(0)},
    };
    mt_obj_t a[5];
    if (kind == 2) {
        mt_arg_parse(n, args, kw, 4, split_spec, a);
        mt_obj_t b[3] = {MT_OBJ_FROM_PTR(as_re(a[0], (int)mt_obj_get_int(a[3]))), a[1], a[2]};
        return pattern_split(3, b, NULL);
    }
    mt_arg_parse(n, args, kw, 5, spec, a);
    mt_obj_t b[4] = {MT_OBJ_FROM_PTR(as_re(a[0], (int)mt_obj_get_int(a[4]))), a[1], a[2], a[3]};
    return sub_args(4, b, NULL, kind == 1);
}
static mt_obj_t re_sub(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return re_sub_kind(n, args, kw, 0);
}
static mt_obj_t re_subn(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return re_sub_kind(n, args, kw, 1);
}
static mt_obj_t re_split(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return re_sub_kind(n, args, kw, 2);
}
static MT_DEFINE_FUN_KW(re_sub_obj, 3, re_sub);
static MT_DEFINE_FUN_KW(re_subn_obj, 3, re_subn);
static MT_DEFINE_FUN_KW(re_split_obj, 2, re_split);

static mt_obj_t re_escape(mt_obj_t s) {
    size_t n;
    const char *p = subject(s, &n);
    mt_vstr_t v;
    mt_vstr_init(&v, n * 2 + 1);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)p[i];
        if (c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') &&
            c != '_')
            mt_vstr_add_byte(&v, '\\');
        mt_vstr_add_byte(&v, c);
    }
    return make_text(s, &v);
}
static MT_DEFINE_FUN_1(re_escape_obj, re_escape);

static const mt_map_elem_t re_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_re)},
    {MT_ROM_QSTR(MT_QSTR_compile), MT_ROM_PTR(&re_compile_obj)},
    {MT_ROM_QSTR(MT_QSTR_match), MT_ROM_PTR(&re_match_obj)},
    {MT_ROM_QSTR(MT_QSTR_search), MT_ROM_PTR(&re_search_obj)},
    {MT_ROM_QSTR(MT_QSTR_fullmatch), MT_ROM_PTR(&re_fullmatch_obj)},
    {MT_ROM_QSTR(MT_QSTR_findall), MT_ROM_PTR(&re_findall_obj)},
    {MT_ROM_QSTR(MT_QSTR_finditer), MT_ROM_PTR(&re_finditer_obj)},
    {MT_ROM_QSTR(MT_QSTR_sub), MT_ROM_PTR(&re_sub_obj)},
    {MT_ROM_QSTR(MT_QSTR_subn), MT_ROM_PTR(&re_subn_obj)},
    {MT_ROM_QSTR(MT_QSTR_split), MT_ROM_PTR(&re_split_obj)},
    {MT_ROM_QSTR(MT_QSTR_escape), MT_ROM_PTR(&re_escape_obj)},
    {MT_ROM_QSTR(MT_QSTR_error), MT_ROM_PTR(&mt_type_ValueError)},
    {MT_ROM_QSTR(MT_QSTR_IGNORECASE), MT_ROM_INT(FLAG_I)},
    {MT_ROM_QSTR(MT_QSTR_I), MT_ROM_INT(FLAG_I)},
    {MT_ROM_QSTR(MT_QSTR_MULTILINE), MT_ROM_INT(FLAG_M)},
    {MT_ROM_QSTR(MT_QSTR_M), MT_ROM_INT(FLAG_M)},
    {MT_ROM_QSTR(MT_QSTR_DOTALL), MT_ROM_INT(FLAG_S)},
    {MT_ROM_QSTR(MT_QSTR_S), MT_ROM_INT(FLAG_S)},
};
MT_DEFINE_MODULE(mt_module_re, re_table);
