/* Argument checking for built-in functions: the count check and the keyword parser. */
#include "obj.h"

void mt_arg_check_num(size_t n, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw) {
    if (n_kw && !takes_kw) mt_raise_type_error("function doesn't take keyword arguments");
    if (n_min == n_max && n != n_min)
        mt_raise_fmt(&mt_type_TypeError, "function takes %u positional argument%s but %u %s given",
                     (unsigned)n_min, n_min == 1 ? "" : "s", (unsigned)n, n == 1 ? "was" : "were");
    if (n < n_min)
        mt_raise_fmt(&mt_type_TypeError, "function missing %u required positional argument%s",
                     (unsigned)(n_min - n), n_min - n == 1 ? "" : "s");
    if (n > n_max)
        mt_raise_fmt(&mt_type_TypeError, "function expected at most %u argument%s, got %u",
                     (unsigned)n_max, n_max == 1 ? "" : "s", (unsigned)n);
}

/* the name of a keyword the spec does not know */
MT_NORETURN static void raise_unknown_kw(mt_map_t *kw, size_t n_spec, const mt_arg_spec_t *spec) {
    for (size_t i = 0; i < kw->used; i++) {
        mt_obj_t k = kw->elems[i].key;
        if (k == MT_NULL) continue;
        bool known = false;
        for (size_t j = 0; j < n_spec && !known; j++)
            known = MT_IS_QSTR(k) && MT_QSTR_VALUE(k) == spec[j].name &&
                    !(spec[j].flags & MT_ARG_POS_ONLY);
        if (!known)
            mt_raise_fmt(&mt_type_TypeError,
                         "'%O' is an invalid keyword argument for this function", k);
    }
    mt_raise_type_error("invalid keyword arguments");
}

void mt_arg_parse(size_t n, const mt_obj_t *args, mt_map_t *kw, size_t n_spec,
                  const mt_arg_spec_t *spec, mt_obj_t *out) {
    size_t n_pos_max = 0;
    while (n_pos_max < n_spec && !(spec[n_pos_max].flags & MT_ARG_KW_ONLY)) n_pos_max++;
    if (n > n_pos_max)
        mt_raise_fmt(&mt_type_TypeError,
                     "function takes at most %u positional argument%s (%u given)",
                     (unsigned)n_pos_max, n_pos_max == 1 ? "" : "s", (unsigned)n);
    size_t used_kw = 0;
    for (size_t i = 0; i < n_spec; i++) {
        mt_map_elem_t *e = NULL;
        if (kw != NULL && kw->filled && !(spec[i].flags & MT_ARG_POS_ONLY))
            e = mt_map_lookup(kw, MT_NEW_QSTR(spec[i].name), MT_MAP_LOOKUP);
        if (i < n) {
            if (e != NULL)
                mt_raise_fmt(&mt_type_TypeError,
                             "argument for function given by name ('%q') and position (%u)",
                             spec[i].name, (unsigned)(i + 1));
            out[i] = args[i];
        } else if (e != NULL) {
            out[i] = e->value;
            used_kw++;
        } else if (spec[i].flags & MT_ARG_REQUIRED) {
            mt_raise_fmt(&mt_type_TypeError, "function missing required argument '%q' (pos %u)",
                         spec[i].name, (unsigned)(i + 1));
        } else {
            out[i] = spec[i].deflt;
        }
    }
    if (kw != NULL && used_kw < kw->filled) raise_unknown_kw(kw, n_spec, spec);
}
