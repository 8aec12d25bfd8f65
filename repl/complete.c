/* Tab completion: of names (the __main__ globals and the builtins), of attributes after a
 * dotted expression made of names (no calls: completing never runs user code except
 * properties and __getattr__ reached by attribute loads, as in MicroPython), and of module
 * names after `import` / `from`. */
#include "hal.h"
#include "modules.h"
#include "repl.h"
#include "state.h"

static bool name_char(char c) {
    return c == '_' || c == '.' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') ||
           (uint8_t)c >= 0x80;
}

/* keywords complete like names (`impor` -> `import`) */
static const char *const keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

static mt_obj_t lookup_name(const char *s, size_t n) {
    mt_qstr_t q = mt_qstr_find_strn(s, n);
    if (q == 0) return MT_NULL;
    mt_obj_t v = mt_dict_get(mt_state.main_globals, MT_NEW_QSTR(q));
    return v != MT_NULL ? v : mt_builtin_lookup(q);
}

static void add_map_keys(mt_obj_t list, const mt_map_t *map) {
    for (size_t i = 0; i < map->used; i++)
        if (map->elems[i].key != MT_NULL && mt_obj_is_str(map->elems[i].key))
            mt_list_append(list, map->elems[i].key);
}

/* candidates for the last component; MT_NULL when the prefix can't be resolved */
static mt_obj_t candidates(const char *s, size_t n, bool modules, size_t *last) {
    size_t dot = n;
    while (dot > 0 && s[dot - 1] != '.') dot--;
    *last = dot;
    mt_obj_t list = mt_list_new(0, NULL);
    if (modules) {
#define X(q, obj) mt_list_append(list, MT_NEW_QSTR(q));
        MT_BUILTIN_MODULES(X)
#undef X
        return list;
    }
    if (dot == 0) {
        add_map_keys(list, mt_dict_map(mt_state.main_globals));
        add_map_keys(list, &mt_module_builtins.globals->map);
        for (size_t i = 0; i < MT_ARRAY_SIZE(keywords); i++)
            mt_list_append(list, mt_str_new(keywords[i], strlen(keywords[i])));
        return list;
    }
    /* resolve a.b.c left of the last dot */
    size_t start = 0, i = 0;
    mt_obj_t obj = MT_NULL;
    for (; i < dot; i++) {
        if (s[i] != '.') continue;
        if (i == start) return MT_NULL;
        if (obj == MT_NULL)
            obj = lookup_name(s, i);
        else {
            mt_qstr_t q = mt_qstr_find_strn(s + start, i - start);
            obj = q ? mt_load_attr_maybe(obj, q) : MT_NULL;
        }
        if (obj == MT_NULL) return MT_NULL;
        start = i + 1;
    }
    mt_obj_t dir = mt_builtin_lookup(MT_QSTR_dir);
    return dir == MT_NULL ? MT_NULL : mt_call1(dir, obj);
}

static void print_columns(mt_obj_t *names, size_t n) {
    size_t col = 0;
    mt_hal_stdout_write("\r\n", 2);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = mt_str_data(names[i], &len);
        size_t width = len < 16 ? 16 : (len + 4) / 4 * 4;
        if (col + width > 80 && col > 0) {
            mt_hal_stdout_write("\r\n", 2);
            col = 0;
        }
        mt_hal_stdout_write(s, len);
        if (i + 1 < n)
            for (size_t k = len; k < width; k++) mt_hal_stdout_write(" ", 1);
        col += width;
    }
}

mt_obj_t mt_repl_complete(const char *s, size_t len, bool *printed) {
    *printed = false;
    size_t start = len;
    while (start > 0 && name_char(s[start - 1])) start--;
    size_t k = start;
    while (k > 0 && s[k - 1] == ' ') k--;
    bool modules = (k >= 6 && memcmp(s + k - 6, "import", 6) == 0 && (k == 6 || s[k - 7] == ' ')) ||
                   (k >= 4 && memcmp(s + k - 4, "from", 4) == 0 && (k == 4 || s[k - 5] == ' '));
    mt_obj_t empty = MT_NEW_QSTR(MT_QSTR_NULL);
    if (modules && k == start) return empty;
    size_t last;
    mt_obj_t all = candidates(s + start, len - start, modules && k < start, &last);
    if (all == MT_NULL) return empty;
    const char *prefix = s + start + last;
    size_t plen = len - start - last;
    mt_obj_t match = mt_list_new(0, NULL);
    size_t n;
    mt_obj_t *items;
    mt_list_get(all, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t nl;
        const char *name = mt_str_data(items[i], &nl);
        if (nl < plen || memcmp(name, prefix, plen) != 0) continue;
        if (name[0] == '_' && (plen == 0 || prefix[0] != '_')) continue;
        bool dup = false; /* a name both global and builtin is listed once */
        size_t m;
        mt_obj_t *mi;
        mt_list_get(match, &m, &mi);
        for (size_t j = 0; j < m && !dup; j++) dup = mt_equal(mi[j], items[i]);
        if (!dup) mt_list_append(match, items[i]);
    }
    mt_list_get(match, &n, &items);
    if (n == 0) return empty;
    /* the longest common prefix of the matches */
    size_t common;
    const char *first = mt_str_data(items[0], &common);
    for (size_t i = 1; i < n; i++) {
        size_t nl;
        const char *name = mt_str_data(items[i], &nl);
        size_t j = 0;
        while (j < common && j < nl && name[j] == first[j]) j++;
        common = j;
    }
    if (n > 1 && common == plen) {
        mt_call0(mt_load_attr(match, MT_QSTR_sort));
        mt_list_get(match, &n, &items);
        print_columns(items, n);
        *printed = true;
    }
    return mt_str_new(first + plen, common - plen);
}
