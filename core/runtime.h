/* The runtime beyond obj.h: helpers of the attribute/call/operator protocols, user classes
 * (core/class.c), modules and import (core/module.c, core/import.c). */
#ifndef MT_RUNTIME_H
#define MT_RUNTIME_H

#include "obj.h"

/* ---- builtins the builtins module (core/builtins.c) exports under these names */
extern const mt_fun_builtin_t mt_builtin___build_class___obj; /* __build_class__ */
extern const mt_fun_builtin_t mt_builtin___import___obj;      /* __import__ */

/* mt_type_of, inline for hot paths */
static inline const mt_type_t *mt_type_of_inline(mt_obj_t o) {
    if (MT_IS_OBJ(o)) return ((const mt_obj_base_t *)MT_OBJ_TO_PTR(o))->type;
    if (MT_IS_SMALL_INT(o)) return &mt_type_int;
    if (MT_IS_QSTR(o)) return &mt_type_str;
    return o == MT_NONE ? &mt_type_NoneType : &mt_type_bool;
}

/* ---- operators and protocols that report "unsupported" instead of raising */
mt_obj_t mt_unary_op_maybe(mt_unop_t op, mt_obj_t o);                   /* MT_NULL: unsupported */
mt_obj_t mt_binary_op_maybe(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs); /* MT_NULL: unsupported */
/* call method `attr` of o with n_args positional args (no keywords); MT_NULL if o has no such
 * attribute (exceptions raised by the method propagate) */
mt_obj_t mt_call_method_maybe(mt_obj_t o, mt_qstr_t attr, size_t n_args, const mt_obj_t *args);
/* o.attr(*args), AttributeError if absent */
mt_obj_t mt_call_method_n(mt_obj_t o, mt_qstr_t attr, size_t n_args, const mt_obj_t *args);
/* the default identity hash every object without __hash__ gets */
mt_int_t mt_hash_identity(mt_obj_t o);
/* "<module.Name object at 0x...>" */
void mt_print_default(const mt_print_t *p, mt_obj_t o);
/* name of o's type as printed in error messages ('int', 'Foo') */
mt_qstr_t mt_obj_type_name(mt_obj_t o);

/* ---- descriptors of class attributes (core/class.c) */
typedef struct {
    mt_obj_base_t base; /* &mt_type_staticmethod or &mt_type_classmethod */
    mt_obj_t fun;
} mt_staticmethod_t;
typedef struct {
    mt_obj_base_t base;             /* &mt_type_property */
    mt_obj_t fget, fset, fdel, doc; /* MT_NONE when absent */
} mt_property_t;
/* Turn class attribute `member` (found on a class of self, or on cls itself) into the value
 * of `self.name`: dest[0] = value, or dest[0] = function and dest[1] = self for a method (as
 * the attr slot). self == MT_NULL: the lookup is on the class cls itself (`T.name`).
 * builtin_owner: member came from a built-in type's locals (its C functions are methods). */
void mt_bind_member(mt_obj_t member, mt_obj_t self, const mt_type_t *cls, bool builtin_owner,
                    mt_qstr_t name, mt_obj_t *dest);

/* o.attr(*args) for a value from mt_load_method (dest[1] MT_NULL: a plain function) */
mt_obj_t mt_call_loaded(const mt_obj_t dest[2], size_t n_args, const mt_obj_t *args);
/* fun(self, *args, **kw) with args laid out as for mt_call */
mt_obj_t mt_call_with_self(mt_obj_t fun, mt_obj_t self, size_t n_args, size_t n_kw,
                           const mt_obj_t *args);

/* ---- user classes (core/class.c) */
/* type flags of user classes beyond obj.h's (set when the class or a base defines them) */
#define MT_TYPE_FLAG_HAS_DESCR                                                                     \
    0x0800                                   /* __get__ __set__ __delete__: instances are          \
                                                descriptors */
#define MT_TYPE_FLAG_HAS_GETATTR      0x1000 /* __getattr__ */
#define MT_TYPE_FLAG_HAS_GETATTRIBUTE 0x2000 /* __getattribute__ */
#define MT_TYPE_FLAG_HAS_SETATTR      0x4000 /* __setattr__ or __delattr__ */
/* a class attribute is a property or another data descriptor (else instance attributes are
 * looked up first) */
#define MT_TYPE_FLAG_HAS_DATA_DESCR 0x0400

/* A user class: the type plus what its instances need. `locals` points at dict's map. */
typedef struct {
    mt_type_t type;
    mt_obj_t dict;                /* the class __dict__ (a dict) */
    const mt_type_t *native_base; /* the built-in type whose object instances carry in
                                     .native (NULL: plain object) */
} mt_heap_type_t;

#define MT_IS_HEAP_TYPE(t) (((t)->flags & MT_TYPE_FLAG_HEAP) != 0)
/* an instance of a user class (mt_instance_t) */
#define MT_IS_INSTANCE(o) (MT_IS_OBJ(o) && MT_IS_HEAP_TYPE(((mt_obj_base_t *)(o))->type))
/* the built-in object behind o: o's .native when o is an instance of a user subclass of a
 * built-in type, else o itself */
mt_obj_t mt_obj_native(mt_obj_t o);
/* look name up along t's MRO without binding; MT_NULL if absent */
mt_obj_t mt_type_lookup(const mt_type_t *t, mt_qstr_t name);
/* type(name, bases, dict) */
mt_obj_t mt_type_new(mt_qstr_t name, mt_obj_t bases, mt_obj_t dict);
/* a new bound method object (callable fun with self prepended) */
mt_obj_t mt_bound_method_new(mt_obj_t self, mt_obj_t fun);
/* `o.__dict__` of an instance: a dict sharing the instance's attribute map */
mt_obj_t mt_instance_dict(mt_obj_t o);

/* ---- modules (core/module.c, core/import.c) */
mt_obj_t mt_module_new(mt_qstr_t name);      /* heap module, globals holding __name__ */
mt_obj_t mt_module_globals(mt_obj_t module); /* its __dict__ */
/* a built-in C module by name (registry in core/modules.h); MT_NULL if none */
mt_obj_t mt_module_find_builtin(mt_qstr_t name);
/* `mote -m name`: import module `name` (a package: its __main__) as __main__ and run it;
 * returns the module */
mt_obj_t mt_run_main_module(const char *name);

#endif
