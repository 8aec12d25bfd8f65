/* Output sinks, Mote's printf, and vstr (growable byte buffers in the GC heap). */
#include "obj.h"

/* ---- vstr */

void mt_vstr_init(mt_vstr_t *v, size_t alloc) {
    v->len = 0;
    v->alloc = alloc < 16 ? 16 : alloc;
    v->buf = mt_alloc(v->alloc);
}

void mt_vstr_clear(mt_vstr_t *v) {
    mt_free(v->buf);
    v->buf = NULL;
    v->len = v->alloc = 0;
}

char *mt_vstr_extend(mt_vstr_t *v, size_t n) {
    if (v->len + n + 1 > v->alloc) { /* keep room for a NUL */
        size_t alloc = v->alloc * 2;
        if (alloc < v->len + n + 1) alloc = v->len + n + 1;
        v->buf = mt_realloc(v->buf, alloc);
        v->alloc = alloc;
    }
    char *p = v->buf + v->len;
    v->len += n;
    return p;
}

void mt_vstr_add_byte(mt_vstr_t *v, uint8_t b) {
    *mt_vstr_extend(v, 1) = (char)b;
}

void mt_vstr_add_char(mt_vstr_t *v, uint32_t c) {
    if (c < 0x80) {
        mt_vstr_add_byte(v, (uint8_t)c);
    } else if (c < 0x800) {
        char *p = mt_vstr_extend(v, 2);
        p[0] = (char)(0xc0 | (c >> 6));
        p[1] = (char)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        char *p = mt_vstr_extend(v, 3);
        p[0] = (char)(0xe0 | (c >> 12));
        p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        p[2] = (char)(0x80 | (c & 0x3f));
    } else {
        char *p = mt_vstr_extend(v, 4);
        p[0] = (char)(0xf0 | (c >> 18));
        p[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        p[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        p[3] = (char)(0x80 | (c & 0x3f));
    }
}

void mt_vstr_add_strn(mt_vstr_t *v, const char *s, size_t n) {
    if (n) memcpy(mt_vstr_extend(v, n), s, n);
}

void mt_vstr_add_str(mt_vstr_t *v, const char *s) {
    mt_vstr_add_strn(v, s, strlen(s));
}

static void vstr_write(void *data, const char *s, size_t n) {
    mt_vstr_add_strn(data, s, n);
}

void mt_vstr_printer(mt_vstr_t *v, mt_print_t *out) {
    out->data = v;
    out->write = vstr_write;
}

const char *mt_vstr_null_terminated(mt_vstr_t *v) {
    mt_vstr_extend(v, 1);
    v->len--;
    v->buf[v->len] = 0;
    return v->buf;
}

/* ---- printf */

void mt_print_strn(const mt_print_t *p, const char *s, size_t n) {
    p->write(p->data, s, n);
}
void mt_print_str(const mt_print_t *p, const char *s) {
    p->write(p->data, s, strlen(s));
}

typedef struct {
    int width;
    bool left, zero;
} spec_t;

static void pad(const mt_print_t *p, int n, char c) {
    char buf[16];
    memset(buf, c, sizeof(buf));
    while (n > 0) {
        int k = n < 16 ? n : 16;
        p->write(p->data, buf, (size_t)k);
        n -= k;
    }
}

static void emit(const mt_print_t *p, const spec_t *sp, const char *s, size_t n) {
    int fill = sp->width - (int)n;
    if (!sp->left && fill > 0) {
        if (sp->zero && n > 0 && s[0] == '-') { /* sign before zero padding */
            p->write(p->data, s, 1);
            s++, n--;
        }
        pad(p, fill, sp->zero ? '0' : ' ');
    }
    p->write(p->data, s, n);
    if (sp->left && fill > 0) pad(p, fill, ' ');
}

static void emit_uint(const mt_print_t *p, const spec_t *sp, unsigned long long v, int base,
                      bool upper, bool neg) {
    char buf[24];
    char *e = buf + sizeof(buf), *s = e;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--s = digits[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    if (neg) *--s = '-';
    emit(p, sp, s, (size_t)(e - s));
}

void mt_vprintf(const mt_print_t *p, const char *fmt, va_list ap) {
    while (*fmt) {
        const char *f = fmt;
        while (*f && *f != '%') f++;
        if (f > fmt) p->write(p->data, fmt, (size_t)(f - fmt));
        if (*f == 0) break;
        fmt = f + 1;
        spec_t sp = {0, false, false};
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-')
                sp.left = true;
            else
                sp.zero = true;
        }
        if (*fmt == '*') {
            sp.width = va_arg(ap, int);
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') sp.width = sp.width * 10 + (*fmt++ - '0');
        int prec = -1;
        if (*fmt == '.') {
            fmt++;
            prec = 0;
            if (*fmt == '*') {
                prec = va_arg(ap, int);
                fmt++;
            }
            while (*fmt >= '0' && *fmt <= '9') prec = prec * 10 + (*fmt++ - '0');
        }
        int lng = 0;
        while (*fmt == 'l') lng++, fmt++;
        if (*fmt == 'z') lng = 3, fmt++;
        char c = *fmt++;
        long long sv;
        unsigned long long uv;
        switch (c) {
        case 'd':
        case 'i':
            sv = lng == 0   ? va_arg(ap, int)
                 : lng == 1 ? va_arg(ap, long)
                 : lng == 3 ? (long long)va_arg(ap, ptrdiff_t)
                            : va_arg(ap, long long);
            emit_uint(p, &sp, sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv, 10, false,
                      sv < 0);
            break;
        case 'u':
        case 'x':
        case 'X':
            uv = lng == 0   ? va_arg(ap, unsigned)
                 : lng == 1 ? va_arg(ap, unsigned long)
                 : lng == 3 ? va_arg(ap, size_t)
                            : va_arg(ap, unsigned long long);
            emit_uint(p, &sp, uv, c == 'u' ? 10 : 16, c == 'X', false);
            break;
        case 'p':
            p->write(p->data, "0x", 2);
            emit_uint(p, &sp, (uintptr_t)va_arg(ap, void *), 16, false, false);
            break;
        case 'c': {
            char ch = (char)va_arg(ap, int);
            emit(p, &sp, &ch, 1);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL) s = "(null)";
            size_t n = strlen(s);
            if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
            emit(p, &sp, s, n);
            break;
        }
        case 'q': {
            size_t n;
            const char *s = mt_qstr_data(va_arg(ap, mt_qstr_t), &n);
            emit(p, &sp, s, n);
            break;
        }
        case 'O':
        case 'R':
            mt_print_obj(p, va_arg(ap, mt_obj_t), c == 'R' ? MT_PRINT_REPR : MT_PRINT_STR);
            break;
        case '%': p->write(p->data, "%", 1); break;
        default:
            if (c == 0) return;
            p->write(p->data, fmt - 2, 2);
            break;
        }
    }
}

void mt_printf(const mt_print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mt_vprintf(p, fmt, ap);
    va_end(ap);
}
