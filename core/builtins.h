/* The builtins module (core/builtins.c). mt_builtin_lookup (obj.h) resolves builtin names for
 * the VM; the function objects are exported for modules that re-export or call them. */
#ifndef MT_BUILTINS_H
#define MT_BUILTINS_H

#include "obj.h"

extern const mt_module_t mt_module_builtins;

/* open(): implemented by each port (ports/<port>/file.c) */
mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw);

extern const mt_fun_builtin_t mt_builtin_abs_obj, mt_builtin_all_obj, mt_builtin_any_obj,
    mt_builtin_ascii_obj, mt_builtin_bin_obj, mt_builtin_callable_obj, mt_builtin_chr_obj,
    mt_builtin_compile_obj, mt_builtin_delattr_obj, mt_builtin_dir_obj, mt_builtin_divmod_obj,
    mt_builtin_eval_obj, mt_builtin_exec_obj, mt_builtin_format_obj, mt_builtin_getattr_obj,
    mt_builtin_globals_obj, mt_builtin_hasattr_obj, mt_builtin_hash_obj, mt_builtin_hex_obj,
    mt_builtin_id_obj, mt_builtin_input_obj, mt_builtin_isinstance_obj, mt_builtin_issubclass_obj,
    mt_builtin_iter_obj, mt_builtin_len_obj, mt_builtin_locals_obj, mt_builtin_max_obj,
    mt_builtin_min_obj, mt_builtin_next_obj, mt_builtin_oct_obj, mt_builtin_open_obj,
    mt_builtin_ord_obj, mt_builtin_pow_obj, mt_builtin_print_obj, mt_builtin_repr_obj,
    mt_builtin_round_obj, mt_builtin_setattr_obj, mt_builtin_sorted_obj, mt_builtin_sum_obj,
    mt_builtin_vars_obj;

#endif
