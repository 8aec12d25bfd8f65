/* Formatting: format(o, spec), f-string fields, str.format and the % operator on str/bytes
 * (core/types/strfmt.c). */
#ifndef MT_STRFMT_H
#define MT_STRFMT_H

#include "obj.h"

/* format(o, spec) and an f-string field `{o:spec}`: spec is a str/qstr (or MT_NULL = "").
 * int, bool, float, complex and str are formatted natively (the full format-spec
 * mini-language); any other object through its __format__ (a user class's method), and
 * otherwise object.__format__: str(o) for an empty spec, else TypeError
 * "unsupported format string passed to Foo.__format__". Returns a str. */
mt_obj_t mt_format_obj(mt_obj_t o, mt_obj_t spec);

/* append format(o, spec) to out (spec MT_NULL: ""), with no intermediate str: an f-string
 * can build its whole result in one vstr (start it with mt_str_vstr_init from str.h) */
void mt_format_vstr(mt_vstr_t *out, mt_obj_t o, mt_obj_t spec);

/* the __format__ method of built-in types: put it in a type's locals as
 * {MT_ROM_QSTR(MT_QSTR___format__), MT_ROM_PTR(&mt_format_method_obj)} (str has it) */
extern const mt_fun_builtin_t mt_format_method_obj;

/* The f-string conversions: c is 'r', 's', 'a' or 0 (none: o is returned unchanged). */
mt_obj_t mt_format_convert(mt_obj_t o, int c);

/* ascii(o): repr(o) with every non-ASCII code point escaped (\xhh, \uhhhh, \Uhhhhhhhh). */
mt_obj_t mt_obj_ascii(mt_obj_t o);

/* str.format(self, *args, **kw) with args[0] = self (the method's implementation). */
mt_obj_t mt_str_format(size_t n_args, const mt_obj_t *args, mt_map_t *kw);

/* str.format_map(self, mapping) */
mt_obj_t mt_str_format_map(mt_obj_t self, mt_obj_t mapping);

/* fmt % args for str (is_bytes false) and bytes/bytearray (is_bytes true). */
mt_obj_t mt_str_modulo(mt_obj_t fmt, mt_obj_t args, bool is_bytes);

#endif
