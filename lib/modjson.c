/* json: dumps dump loads load, as CPython's json module for the data a program exchanges.
 * dumps(obj, *, separators=None, indent=None, sort_keys=False): ensure_ascii output as
 * CPython's default. loads(s): str/bytes; errors are ValueError with CPython's message and
 * position ("Expecting value: line 1 column 1 (char 0)"). Nesting is bounded by the C stack
 * budget (RecursionError), never a crash. */
#include "obj.h"
#include "types/num.h"

typedef struct {
    mt_vstr_t out;
    const char *item_sep, *key_sep;
    size_t item_sep_len, key_sep_len;
    mt_obj_t indent; /* MT_NONE or the indent string */
    bool sort_keys;
} enc_t;

static void enc_value(enc_t *e, mt_obj_t o, int depth);

static void enc_string(enc_t *e, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    mt_vstr_add_byte(&e->out, '"');
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        uint32_t c = *p++;
        if (c >= 0x80) { /* decode UTF-8 (strings are valid) */
            int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            c &= 0x3f >> extra;
            while (extra-- && p < end) c = (c << 6) | (*p++ & 0x3f);
        }
        const char *esc = c == '"'    ? "\\\""
                          : c == '\\' ? "\\\\"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                          : c == '\t' ? "\\t"
                          : c == '\b' ? "\\b"
                          : c == '\f' ? "\\f"
                                      : NULL;
        if (esc) {
            mt_vstr_add_str(&e->out, esc);
        } else if (c >= 0x20 && c < 0x7f) {
            mt_vstr_add_byte(&e->out, (uint8_t)c);
        } else {
            uint32_t units[2] = {c, 0};
            int nu = 1;
            if (c >= 0x10000) {
                units[0] = 0xd800 | ((c - 0x10000) >> 10);
                units[1] = 0xdc00 | ((c - 0x10000) & 0x3ff);
                nu = 2;
            }
            for (int i = 0; i < nu; i++) {
                char b[6] = {'\\',
                             'u',
                             hex[units[i] >> 12],
                             hex[(units[i] >> 8) & 15],
                             hex[(units[i] >> 4) & 15],
                             hex[units[i] & 15]};
                mt_vstr_add_strn(&e->out, b, 6);
            }
        }
    }
    mt_vstr_add_byte(&e->out, '"');
}

static void enc_newline(enc_t *e, int depth) {
    if (e->indent == MT_NONE) return;
    size_t n;
    const char *ind = mt_str_data(e->indent, &n);
    mt_vstr_add_byte(&e->out, '\n');
    for (int i = 0; i < depth; i++) mt_vstr_add_strn(&e->out, ind, n);
}

static void enc_float(enc_t *e, mt_float_t f) {
    if (f != f)
        mt_vstr_add_str(&e->out, "NaN");
    else if (f > 0 && f * 0.5 == f)
        mt_vstr_add_str(&e->out, "Infinity");
    else if (f < 0 && f * 0.5 == f)
        mt_vstr_add_str(&e->out, "-Infinity");
    else
        mt_float_format(&e->out, f, 'r', -1, false);
}

/* a dict key as JSON requires: a string */
static void enc_key(enc_t *e, mt_obj_t k) {
    if (mt_obj_is_str(k)) {
        size_t n;
        const char *s = mt_str_data(k, &n);
        enc_string(e, s, n);
        return;
    }
    mt_vstr_add_byte(&e->out, '"');
    if (k == MT_TRUE || k == MT_FALSE || k == MT_NONE) {
        mt_vstr_add_str(&e->out, k == MT_TRUE ? "true" : k == MT_FALSE ? "false" : "null");
    } else if (mt_obj_is_int(k)) {
        mt_int_format(&e->out, k, 10, false, false);
    } else if (mt_isinstance(k, &mt_type_float)) {
        enc_float(e, mt_obj_get_float(k));
    } else {
        mt_raise_fmt(&mt_type_TypeError, "keys must be str, int, float, bool or None, not %s",
                     mt_qstr_str(mt_type_of(k)->name));
    }
    mt_vstr_add_byte(&e->out, '"');
}

static void enc_seq(enc_t *e, size_t n, const mt_obj_t *items, int depth) {
    mt_vstr_add_byte(&e->out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) mt_vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
        enc_newline(e, depth + 1);
        enc_value(e, items[i], depth + 1);
    }
    if (n) enc_newline(e, depth);
    mt_vstr_add_byte(&e->out, ']');
}

static void enc_dict(enc_t *e, mt_obj_t d, int depth) {
    mt_map_t *map = mt_dict_map(d);
    mt_obj_t keys = mt_list_new(0, NULL);
    for (size_t i = 0; i < map->used; i++)
        if (MT_MAP_SLOT_IS_FILLED(map, i)) mt_list_append(keys, map->elems[i].key);
    if (e->sort_keys) mt_call0(mt_load_attr(keys, MT_QSTR_sort));
    size_t n;
    mt_obj_t *k;
    mt_list_get(keys, &n, &k);
    mt_vstr_add_byte(&e->out, '{');
    for (size_t i = 0; i < n; i++) {
        if (i) mt_vstr_add_strn(&e->out, e->item_sep, e->item_sep_len);
        enc_newline(e, depth + 1);
        enc_key(e, k[i]);
        mt_vstr_add_strn(&e->out, e->key_sep, e->key_sep_len);
        enc_value(e, mt_dict_get(d, k[i]), depth + 1);
    }
    if (n) enc_newline(e, depth);
    mt_vstr_add_byte(&e->out, '}');
}

static void enc_value(enc_t *e, mt_obj_t o, int depth) {
    mt_stack_check();
    if (o == MT_NONE)
        mt_vstr_add_str(&e->out, "null");
    else if (o == MT_TRUE)
        mt_vstr_add_str(&e->out, "true");
    else if (o == MT_FALSE)
        mt_vstr_add_str(&e->out, "false");
    else if (mt_obj_is_str(o)) {
        size_t n;
        const char *s = mt_str_data(o, &n);
        enc_string(e, s, n);
    } else if (mt_obj_is_int(o))
        mt_int_format(&e->out, o, 10, false, false);
    else if (mt_isinstance(o, &mt_type_float))
        enc_float(e, mt_obj_get_float(o));
    else if (mt_isinstance(o, &mt_type_list) || mt_isinstance(o, &mt_type_tuple)) {
        size_t n;
        mt_obj_t *items;
        mt_get_array(o, &n, &items);
        enc_seq(e, n, items, depth);
    } else if (mt_isinstance(o, &mt_type_dict))
        enc_dict(e, o, depth);
    else
        mt_raise_fmt(&mt_type_TypeError, "Object of type %s is not JSON serializable",
                     mt_qstr_str(mt_type_of(o)->name));
}

static mt_obj_t do_dumps(size_t n, const mt_obj_t *args, mt_map_t *kw, mt_obj_t *stream) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_obj, MT_ARG_REQUIRED, MT_NULL},       {MT_QSTR_fp, 0, MT_NONE},
        {MT_QSTR_separators, MT_ARG_KW_ONLY, MT_NONE}, {MT_QSTR_indent, MT_ARG_KW_ONLY, MT_NONE},
        {MT_QSTR_sort_keys, MT_ARG_KW_ONLY, MT_FALSE},
    };
    mt_obj_t a[5];
    mt_arg_parse(n, args, kw, 5, spec, a);
    if (stream)
        *stream = a[1];
    else if (a[1] != MT_NONE)
        mt_raise_type_error("dumps() takes 1 positional argument");
    enc_t e;
    e.indent = a[3];
    if (mt_obj_is_int(e.indent)) {
        mt_int_t k = mt_obj_get_int(e.indent);
        mt_vstr_t sp;
        mt_vstr_init(&sp, k > 0 ? (size_t)k : 1);
        for (mt_int_t i = 0; i < k; i++) mt_vstr_add_byte(&sp, ' ');
        e.indent = mt_str_new_from_vstr(&sp);
    }
    e.item_sep = e.indent == MT_NONE ? ", " : ",";
    e.key_sep = ": ";
    if (a[2] != MT_NONE) {
        mt_obj_t seps[2];
        mt_unpack_sequence(a[2], 2, seps);
        e.item_sep = mt_obj_str_cstr(seps[0]);
        e.key_sep = mt_obj_str_cstr(seps[1]);
    }
    e.item_sep_len = strlen(e.item_sep);
    e.key_sep_len = strlen(e.key_sep);
    e.sort_keys = mt_is_true(a[4]);
    mt_vstr_init(&e.out, 64);
    enc_value(&e, a[0], 0);
    return mt_str_new_from_vstr(&e.out);
}

static mt_obj_t json_dumps(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    return do_dumps(n, args, kw, NULL);
}
static MT_DEFINE_FUN_KW(json_dumps_obj, 1, json_dumps);

static mt_obj_t json_dump(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t stream;
    mt_obj_t s = do_dumps(n, args, kw, &stream);
    mt_obj_t dest[3];
    mt_load_method(stream, MT_QSTR_write, dest);
    dest[2] = s;
    mt_call_method(1, 0, dest);
    return MT_NONE;
}
static MT_DEFINE_FUN_KW(json_dump_obj, 2, json_dump);

/* ---- decoding */

typedef struct {
    const char *s;
    size_t n, pos;
} dec_t;

MT_NORETURN static void dec_error(const dec_t *d, const char *what, size_t pos) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < pos && i < d->n; i++) {
        if (d->s[i] == '\n')
            line++, col = 1;
        else
            col++;
    }
    mt_raise_fmt(&mt_type_ValueError, "%s: line %u column %u (char %u)", what, (unsigned)line,
                 (unsigned)col, (unsigned)pos);
}

static void skip_ws(dec_t *d) {
    while (d->pos < d->n && strchr(" \t\n\r", d->s[d->pos]) && d->s[d->pos]) d->pos++;
}

static bool match(dec_t *d, const char *word) {
    size_t k = strlen(word);
    if (d->pos + k <= d->n && memcmp(d->s + d->pos, word, k) == 0) {
        d->pos += k;
        return true;
    }
    return false;
}

static int hex4(const dec_t *d, size_t at) {
    if (at + 4 > d->n) return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = d->s[at + (size_t)i];
        int h = c >= '0' && c <= '9'                     ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : -1;
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

static mt_obj_t dec_string(dec_t *d) {
    size_t start = d->pos++; /* the opening quote */
    mt_vstr_t v;
    mt_vstr_init(&v, 16);
    for (;;) {
        if (d->pos >= d->n) dec_error(d, "Unterminated string starting at", start);
        unsigned char c = (unsigned char)d->s[d->pos++];
        if (c == '"') break;
        if (c < 0x20) dec_error(d, "Invalid control character at", d->pos - 1);
        if (c != '\\') {
            mt_vstr_add_byte(&v, c);
            continue;
        }
        if (d->pos >= d->n) dec_error(d, "Unterminated string starting at", start);
        c = (unsigned char)d->s[d->pos++];
        const char *esc = strchr("\"\\/bfnrt", c);
        if (esc && c) {
            mt_vstr_add_byte(&v, (uint8_t) "\"\\/\b\f\n\r\t"[esc - "\"\\/bfnrt"]);
        } else if (c == 'u') {
            int u = hex4(d, d->pos);
            if (u < 0) dec_error(d, "Invalid \\uXXXX escape", d->pos - 1);
            d->pos += 4;
            if (u >= 0xd800 && u < 0xdc00 && d->pos + 1 < d->n && d->s[d->pos] == '\\' &&
                d->s[d->pos + 1] == 'u') {
                int lo = hex4(d, d->pos + 2);
                if (lo >= 0xdc00 && lo < 0xe000) {
                    u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                    d->pos += 6;
                }
            }
            if (u >= 0xd800 && u < 0xe000) u = 0xfffd; /* lone surrogate: not storable in UTF-8 */
            mt_vstr_add_char(&v, (uint32_t)u);
        } else {
            dec_error(d, "Invalid \\escape", d->pos - 2);
        }
    }
    return mt_str_new_from_vstr(&v);
}

static mt_obj_t dec_number(dec_t *d) {
    size_t start = d->pos;
    bool is_float = false;
    if (d->s[d->pos] == '-') d->pos++;
    if (d->pos < d->n && d->s[d->pos] == '0')
        d->pos++;
    else if (d->pos < d->n && d->s[d->pos] >= '1' && d->s[d->pos] <= '9')
        while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') d->pos++;
    else
        dec_error(d, "Expecting value", start);
    if (d->pos + 1 < d->n && d->s[d->pos] == '.' && d->s[d->pos + 1] >= '0' &&
        d->s[d->pos + 1] <= '9') {
        is_float = true;
        d->pos++;
        while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') d->pos++;
    }
    if (d->pos < d->n && (d->s[d->pos] | 0x20) == 'e') {
        size_t save = d->pos++;
        if (d->pos < d->n && (d->s[d->pos] == '+' || d->s[d->pos] == '-')) d->pos++;
        if (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') {
            is_float = true;
            while (d->pos < d->n && d->s[d->pos] >= '0' && d->s[d->pos] <= '9') d->pos++;
        } else {
            d->pos = save;
        }
    }
    if (is_float) return mt_float_parse(d->s + start, d->pos - start, false);
    return mt_int_parse(d->s + start, d->pos - start, 10, false);
}

static mt_obj_t dec_value(dec_t *d);

static mt_obj_t dec_array(dec_t *d) {
    mt_obj_t list = mt_list_new(0, NULL);
    d->pos++;
    skip_ws(d);
    if (d->pos < d->n && d->s[d->pos] == ']') {
        d->pos++;
        return list;
    }
    for (;;) {
        mt_list_append(list, dec_value(d));
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == ']') {
            d->pos++;
            return list;
        }
        if (d->pos >= d->n || d->s[d->pos] != ',') dec_error(d, "Expecting ',' delimiter", d->pos);
        d->pos++;
    }
}

static mt_obj_t dec_object(dec_t *d) {
    mt_obj_t dict = mt_dict_new(0);
    d->pos++;
    skip_ws(d);
    if (d->pos < d->n && d->s[d->pos] == '}') {
        d->pos++;
        return dict;
    }
    for (;;) {
        skip_ws(d);
        if (d->pos >= d->n || d->s[d->pos] != '"')
            dec_error(d, "Expecting property name enclosed in double quotes", d->pos);
        mt_obj_t key = dec_string(d);
        skip_ws(d);
        if (d->pos >= d->n || d->s[d->pos] != ':') dec_error(d, "Expecting ':' delimiter", d->pos);
        d->pos++;
        mt_dict_store(dict, key, dec_value(d));
        skip_ws(d);
        if (d->pos < d->n && d->s[d->pos] == '}') {
            d->pos++;
            return dict;
        }
        if (d->pos >= d->n || d->s[d->pos] != ',') dec_error(d, "Expecting ',' delimiter", d->pos);
        d->pos++;
    }
}

static mt_obj_t dec_value(dec_t *d) {
    mt_stack_check();
    skip_ws(d);
    if (d->pos >= d->n) dec_error(d, "Expecting value", d->pos);
    char c = d->s[d->pos];
    if (c == '{') return dec_object(d);
    if (c == '[') return dec_array(d);
    if (c == '"') return dec_string(d);
    if (match(d, "true")) return MT_TRUE;
    if (match(d, "false")) return MT_FALSE;
    if (match(d, "null")) return MT_NONE;
    if (match(d, "NaN")) return mt_float_parse("nan", 3, false);
    if (match(d, "Infinity")) return mt_float_parse("inf", 3, false);
    if (match(d, "-Infinity")) return mt_float_parse("-inf", 4, false);
    if (c == '-' || (c >= '0' && c <= '9')) return dec_number(d);
    dec_error(d, "Expecting value", d->pos);
}

static mt_obj_t json_loads(mt_obj_t s) {
    dec_t d;
    if (mt_obj_is_str(s)) {
        d.s = mt_str_data(s, &d.n);
    } else {
        mt_buffer_info_t b;
        if (!mt_get_buffer(s, &b, MT_BUFFER_READ))
            mt_raise_fmt(&mt_type_TypeError,
                         "the JSON object must be str, bytes or bytearray, not %s",
                         mt_qstr_str(mt_type_of(s)->name));
        d.s = b.buf;
        d.n = b.len;
    }
    d.pos = 0;
    mt_obj_t v = dec_value(&d);
    skip_ws(&d);
    if (d.pos != d.n) dec_error(&d, "Extra data", d.pos);
    return v;
}
static MT_DEFINE_FUN_1(json_loads_obj, json_loads);

static mt_obj_t json_load(mt_obj_t stream) {
    return json_loads(mt_call0(mt_load_attr(stream, MT_QSTR_read)));
}
static MT_DEFINE_FUN_1(json_load_obj, json_load);

static const mt_map_elem_t json_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_json)},
    {MT_ROM_QSTR(MT_QSTR_dumps), MT_ROM_PTR(&json_dumps_obj)},
    {MT_ROM_QSTR(MT_QSTR_dump), MT_ROM_PTR(&json_dump_obj)},
    {MT_ROM_QSTR(MT_QSTR_loads), MT_ROM_PTR(&json_loads_obj)},
    {MT_ROM_QSTR(MT_QSTR_load), MT_ROM_PTR(&json_load_obj)},
    {MT_ROM_QSTR(MT_QSTR_JSONDecodeError), MT_ROM_PTR(&mt_type_ValueError)},
};
MT_DEFINE_MODULE(mt_module_json, json_table);
