/* The object model: the value word, type objects, and the core API everyone includes. */
#ifndef MT_OBJ_H
#define MT_OBJ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config.h"

#define MT_NORETURN      __attribute__((noreturn))
#define MT_UNUSED(x)     ((void)(x))
#define MT_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------------------------------------
 * The value word. One machine word, tagged in its low bits:
 *
 *   bit  N-1 ........................ 3   2   1   0
 *        [ signed value (N-1 bits)                1 ]   small int   (31 bits chip, 63 host)
 *        [ qstr index                   | 0   1   0 ]   interned name/string (immediate)
 *        [ special index                | 1   1   0 ]   None False True (immediate)
 *        [ address of an object                 0 0 ]   heap or const object (4-aligned)
 *
 * MT_NULL (0) is not an object: it means "absent" (unbound local, not found, end of
 * iteration). MT_SENTINEL is another non-object marker, used by the attr/subscr protocols.
 * Every object behind a pointer begins with mt_obj_base_t (its type).
 * ------------------------------------------------------------------------------------------- */
typedef uintptr_t mt_obj_t;
typedef intptr_t mt_int_t;   /* the C type of small ints */
typedef uintptr_t mt_uint_t; /* unsigned of the same width */
typedef uint32_t mt_qstr_t;  /* index into the interned-string table */

#if MT_CONFIG_FLOAT_DOUBLE
typedef double mt_float_t;
#else
typedef float mt_float_t;
#endif

#define MT_NULL               ((mt_obj_t)0)
#define MT_SENTINEL           ((mt_obj_t)4)

#define MT_IS_SMALL_INT(o)    (((o)&1) != 0)
#define MT_IS_QSTR(o)         (((o)&7) == 2)
#define MT_IS_SPECIAL(o)      (((o)&7) == 6)
#define MT_IS_OBJ(o)          (((o)&3) == 0 && (o) > MT_SENTINEL)

#define MT_SMALL_INT_VALUE(o) (((mt_int_t)(o)) >> 1)
#define MT_NEW_SMALL_INT(v)   ((mt_obj_t)((((mt_uint_t)(mt_int_t)(v)) << 1) | 1))
/* true when v (an mt_int_t or wider) fits in a small int */
#define MT_SMALL_INT_FITS(v)                                                                       \
    ((v) >= -((mt_int_t)1 << (sizeof(mt_int_t) * 8 - 2)) &&                                        \
     (v) < ((mt_int_t)1 << (sizeof(mt_int_t) * 8 - 2)))
#define MT_SMALL_INT_MIN (-((mt_int_t)1 << (sizeof(mt_int_t) * 8 - 2)))
#define MT_SMALL_INT_MAX (((mt_int_t)1 << (sizeof(mt_int_t) * 8 - 2)) - 1)

#define MT_QSTR_VALUE(o) ((mt_qstr_t)((o) >> 3))
#define MT_NEW_QSTR(q)   ((mt_obj_t)(((mt_uint_t)(q) << 3) | 2))

#define MT_NONE          ((mt_obj_t)((0 << 3) | 6))
#define MT_FALSE         ((mt_obj_t)((1 << 3) | 6))
#define MT_TRUE          ((mt_obj_t)((2 << 3) | 6))
#define MT_BOOL(b)       ((b) ? MT_TRUE : MT_FALSE)

/* the Ellipsis and NotImplemented singletons (const objects, core/runtime.c) */
#define MT_ELLIPSIS        ((mt_obj_t)&mt_const_ellipsis_obj)
#define MT_NOT_IMPLEMENTED ((mt_obj_t)&mt_const_notimplemented_obj)

#define MT_OBJ_TO_PTR(o)   ((void *)(o))
#define MT_OBJ_FROM_PTR(p) ((mt_obj_t)(p))

/* ---------------------------------------------------------------------------------------------
 * Printing: an output sink. Used for stdout/stderr and for building strings (vstr).
 * ------------------------------------------------------------------------------------------- */
typedef struct mt_print_s {
    void *data;
    void (*write)(void *data, const char *s, size_t n);
} mt_print_t;

typedef enum { MT_PRINT_STR = 0, MT_PRINT_REPR = 1 } mt_print_kind_t;

/* printf over a sink. Formats: %s %d %u %x %X %c %ld %lu %zu %p %% and width/'-'/'0',
 * plus Mote's own: %q (an mt_qstr_t), %O (str() of an mt_obj_t), %R (repr() of an mt_obj_t).
 * (Not checked by -Wformat on purpose: %q %O %R are ours.) */
void mt_printf(const mt_print_t *p, const char *fmt, ...);
void mt_vprintf(const mt_print_t *p, const char *fmt, va_list ap);
void mt_print_str(const mt_print_t *p, const char *s);
void mt_print_strn(const mt_print_t *p, const char *s, size_t n);

/* A growable byte buffer in the GC heap; the usual way to build a str/bytes. */
typedef struct {
    size_t len;   /* bytes used */
    size_t alloc; /* bytes allocated at buf */
    char *buf;
} mt_vstr_t;

void mt_vstr_init(mt_vstr_t *v, size_t alloc);
void mt_vstr_clear(mt_vstr_t *v);             /* frees buf */
char *mt_vstr_extend(mt_vstr_t *v, size_t n); /* grow by n, return pointer to the new bytes */
void mt_vstr_add_byte(mt_vstr_t *v, uint8_t b);
void mt_vstr_add_char(mt_vstr_t *v, uint32_t codepoint); /* UTF-8 encodes */
void mt_vstr_add_strn(mt_vstr_t *v, const char *s, size_t n);
void mt_vstr_add_str(mt_vstr_t *v, const char *s);
void mt_vstr_printer(mt_vstr_t *v, mt_print_t *out); /* a sink appending to v */
const char *mt_vstr_null_terminated(mt_vstr_t *v);

/* ---------------------------------------------------------------------------------------------
 * Maps: insertion-ordered hash maps, the storage of dicts, instance attributes, globals and
 * (as const tables in flash) the methods of built-in types and the members of C modules.
 * elems[0..used) hold entries in insertion order; a removed entry has key MT_NULL until the
 * next resize compacts. Maps of more than MT_MAP_LINEAR_MAX entries keep an open-addressing
 * index of entry numbers beside elems; smaller ones are searched linearly.
 * A const (is_fixed) map is never written; const tables are linear or, if is_sorted (keys are
 * qstrs sorted by index), binary-searched.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    mt_obj_t key;
    mt_obj_t value;
} mt_map_elem_t;

#define MT_MAP_LINEAR_MAX 8

typedef struct {
    uint32_t used;                  /* entries in elems, live or removed */
    uint32_t alloc;                 /* capacity of elems */
    uint32_t filled;                /* live entries (the len()) */
    uint8_t is_fixed : 1;           /* const table: read only */
    uint8_t is_sorted : 1;          /* const table sorted by qstr index */
    uint8_t all_keys_are_qstrs : 1; /* enables identity compare of keys */
    mt_map_elem_t *elems;
    uint32_t *index; /* NULL when linear; else 2^k slots holding entry number + 1 (0 = empty) */
    uint32_t index_mask;
    uint32_t index_used; /* non-empty index slots, stale ones (removed entries) included */
} mt_map_t;

typedef enum {
    MT_MAP_LOOKUP = 0,
    MT_MAP_LOOKUP_ADD_IF_NOT_FOUND = 1, /* returned elem has value MT_NULL if it was added */
    MT_MAP_LOOKUP_REMOVE = 2, /* returns a pointer to a copy of the removed entry (static) */
} mt_map_lookup_kind_t;

void mt_map_init(mt_map_t *map, size_t n);
void mt_map_init_fixed(mt_map_t *map, const mt_map_elem_t *table, size_t n);
mt_map_elem_t *mt_map_lookup(mt_map_t *map, mt_obj_t key, mt_map_lookup_kind_t kind);
mt_map_elem_t *mt_map_lookup_qstr(const mt_map_t *map, mt_qstr_t q); /* read-only fast path */
void mt_map_clear(mt_map_t *map);
void mt_map_copy(mt_map_t *dst, const mt_map_t *src);
#define MT_MAP_SLOT_IS_FILLED(map, i) ((map)->elems[i].key != MT_NULL)

/* A const map literal for a table `name##_table` (used for type methods and module globals). */
#define MT_DEFINE_CONST_MAP(name, table)                                                           \
    const mt_map_t name = {.used = MT_ARRAY_SIZE(table),                                           \
                           .alloc = MT_ARRAY_SIZE(table),                                          \
                           .filled = MT_ARRAY_SIZE(table),                                         \
                           .is_fixed = 1,                                                          \
                           .all_keys_are_qstrs = 1,                                                \
                           .elems = (mt_map_elem_t *)table}
/* A const dict over a const table (the globals of a C module). */
#define MT_DEFINE_CONST_DICT(name, table)                                                          \
    const mt_dict_t name = {{&mt_type_dict},                                                       \
                            {.used = MT_ARRAY_SIZE(table),                                         \
                             .alloc = MT_ARRAY_SIZE(table),                                        \
                             .filled = MT_ARRAY_SIZE(table),                                       \
                             .is_fixed = 1,                                                        \
                             .all_keys_are_qstrs = 1,                                              \
                             .elems = (mt_map_elem_t *)table}}
/* A C module: its const globals table must start with __name__. */
#define MT_DEFINE_MODULE(name, table)                                                              \
    static MT_DEFINE_CONST_DICT(name##_globals, table);                                            \
    const mt_module_t name = {{&mt_type_module}, (mt_dict_t *)&name##_globals, NULL}
#define MT_ROM_QSTR(q) MT_NEW_QSTR(q)
#define MT_ROM_PTR(p)  ((mt_obj_t)(p))
#define MT_ROM_INT(i)  MT_NEW_SMALL_INT(i)

/* ---------------------------------------------------------------------------------------------
 * Types. A type is an object whose slots say how its instances behave. Built-in types are
 * const (in flash); user classes are heap types made by __build_class__.
 * Slot contracts:
 *   print(p, o, kind)         write str()/repr() of o.
 *   make_new(t, n, n_kw, args) called when the type is called; args = n positional then n_kw
 *                              (key qstr obj, value) pairs.
 *   call(o, n, n_kw, args)    o(...), same argument layout.
 *   unary_op(op, o)           MT_NULL if unsupported.
 *   binary_op(op, lhs, rhs)   lhs is an instance of this type (for MT_BINOP_REVERSE_* the
 *                              original right operand); MT_NULL if unsupported.
 *   attr(o, q, dest)          load: dest[0]==MT_NULL on entry, set dest[0] to the value (and
 *                              for a method, dest[0]=function, dest[1]=self);
 *                              store: dest[0]==MT_SENTINEL, dest[1]=value or MT_NULL to delete;
 *                              set dest[0]=MT_NULL when done.
 *   subscr(o, index, value)   value MT_SENTINEL: load; MT_NULL: delete; else store. Returns the
 *                              loaded value, MT_NONE after store/delete, MT_NULL unsupported.
 *   getiter(o, buf)           returns an iterator; may build it in *buf (4 words, caller's
 *                              stack) instead of allocating, when buf != NULL.
 *   iternext(o)               next item, or MT_NULL when exhausted (no StopIteration raised).
 *   buffer(o, info, flags)    fill info for the buffer protocol; false if not a buffer.
 * ------------------------------------------------------------------------------------------- */
typedef struct mt_type_s mt_type_t;
typedef struct {
    const mt_type_t *type;
} mt_obj_base_t;
extern const mt_obj_base_t mt_const_ellipsis_obj, mt_const_notimplemented_obj;

typedef struct {
    mt_obj_t words[4];
} mt_iter_buf_t;

typedef struct {
    void *buf;
    size_t len;   /* bytes */
    int typecode; /* struct-module code of the items, 'B' for bytes */
} mt_buffer_info_t;
#define MT_BUFFER_READ  1
#define MT_BUFFER_WRITE 2

/* Operators, defined once. The compiler, the VM and every type's slots use these numbers. */
#define MT_BINARY_ARITH_OPS(X)                                                                     \
    X(ADD, "+", __add__, __iadd__, __radd__)                                                       \
    X(SUB, "-", __sub__, __isub__, __rsub__)                                                       \
    X(MUL, "*", __mul__, __imul__, __rmul__)                                                       \
    X(MATMUL, "@", __matmul__, __imatmul__, __rmatmul__)                                           \
    X(TRUEDIV, "/", __truediv__, __itruediv__, __rtruediv__)                                       \
    X(FLOORDIV, "//", __floordiv__, __ifloordiv__, __rfloordiv__)                                  \
    X(MOD, "%", __mod__, __imod__, __rmod__)                                                       \
    X(POW, "**", __pow__, __ipow__, __rpow__)                                                      \
    X(LSHIFT, "<<", __lshift__, __ilshift__, __rlshift__)                                          \
    X(RSHIFT, ">>", __rshift__, __irshift__, __rrshift__)                                          \
    X(AND, "&", __and__, __iand__, __rand__)                                                       \
    X(OR, "|", __or__, __ior__, __ror__)                                                           \
    X(XOR, "^", __xor__, __ixor__, __rxor__)

#define MT_COMPARE_OPS(X)                                                                          \
    X(LT, "<", __lt__)                                                                             \
    X(GT, ">", __gt__)                                                                             \
    X(EQ, "==", __eq__) X(NE, "!=", __ne__) X(LE, "<=", __le__) X(GE, ">=", __ge__)

typedef enum {
#define X(n, s, m, im, rm) MT_BINOP_##n,
    MT_BINARY_ARITH_OPS(X)
#undef X
        MT_BINOP_N_ARITH,
#define X(n, s, m, im, rm) MT_BINOP_INPLACE_##n,
    MT_BINARY_ARITH_OPS(X)
#undef X
#define X(n, s, m, im, rm) MT_BINOP_REVERSE_##n,
        MT_BINARY_ARITH_OPS(X)
#undef X
#define X(n, s, m) MT_BINOP_##n,
            MT_COMPARE_OPS(X)
#undef X
                MT_BINOP_CONTAINS, /* slot form: lhs is the container, rhs the item */
    MT_BINOP_IN,                   /* VM form: `lhs in rhs` */
    MT_BINOP_NOT_IN,
    MT_BINOP_IS,
    MT_BINOP_IS_NOT,
    MT_BINOP_EXC_MATCH, /* lhs an exception instance, rhs a class or tuple: bool */
    MT_BINOP_COUNT
} mt_binop_t;
/* MT_BINOP_INPLACE_ADD == MT_BINOP_N_ARITH + 1 + MT_BINOP_ADD etc. */
#define MT_BINOP_INPLACE_OFFSET (MT_BINOP_INPLACE_ADD - MT_BINOP_ADD)
#define MT_BINOP_REVERSE_OFFSET (MT_BINOP_REVERSE_ADD - MT_BINOP_ADD)

/* clang-format off */
#define MT_UNARY_OPS(X)  \
    X(POS, __pos__)      \
    X(NEG, __neg__)      \
    X(INVERT, __invert__) \
    X(NOT, __bool__)     \
    X(BOOL, __bool__)    \
    X(LEN, __len__)      \
    X(HASH, __hash__)    \
    X(ABS, __abs__)      \
    X(INT, __int__)      \
    X(FLOAT, __float__)  \
    X(INDEX, __index__)
/* clang-format on */

typedef enum {
#define X(n, m) MT_UNOP_##n,
    MT_UNARY_OPS(X)
#undef X
        MT_UNOP_COUNT
} mt_unop_t;

typedef void (*mt_print_fun_t)(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind);
typedef mt_obj_t (*mt_make_new_fun_t)(const mt_type_t *type, size_t n_args, size_t n_kw,
                                      const mt_obj_t *args);
typedef mt_obj_t (*mt_call_fun_t)(mt_obj_t self, size_t n_args, size_t n_kw, const mt_obj_t *args);
typedef mt_obj_t (*mt_unary_op_fun_t)(mt_unop_t op, mt_obj_t o);
typedef mt_obj_t (*mt_binary_op_fun_t)(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs);
typedef void (*mt_attr_fun_t)(mt_obj_t o, mt_qstr_t attr, mt_obj_t *dest);
typedef mt_obj_t (*mt_subscr_fun_t)(mt_obj_t o, mt_obj_t index, mt_obj_t value);
typedef mt_obj_t (*mt_getiter_fun_t)(mt_obj_t o, mt_iter_buf_t *buf);
typedef mt_obj_t (*mt_iternext_fun_t)(mt_obj_t o);
typedef bool (*mt_buffer_fun_t)(mt_obj_t o, mt_buffer_info_t *info, int flags);

/* type flags */
#define MT_TYPE_FLAG_BASETYPE       0x0001 /* may be subclassed from Python */
#define MT_TYPE_FLAG_HEAP           0x0002 /* a user class (mt_type_t on the heap) */
#define MT_TYPE_FLAG_EQ_IS_IDENTITY 0x0004 /* == is `is` (None, functions ...) */
#define MT_TYPE_FLAG_HAS_SPECIAL    0x0008 /* user class defines dunder methods */
#define MT_TYPE_FLAG_ITER_IS_SELF   0x0010 /* getiter returns self */
#define MT_TYPE_FLAG_IS_EXCEPTION   0x0020 /* BaseException or a subclass */
#define MT_TYPE_FLAG_UNHASHABLE     0x0040 /* hash() raises TypeError (list, dict, set ...) */

struct mt_type_s {
    mt_obj_base_t base; /* &mt_type_type */
    mt_qstr_t name;
    uint16_t flags;
    mt_print_fun_t print;
    mt_make_new_fun_t make_new;
    mt_call_fun_t call;
    mt_unary_op_fun_t unary_op;
    mt_binary_op_fun_t binary_op;
    mt_attr_fun_t attr;
    mt_subscr_fun_t subscr;
    mt_getiter_fun_t getiter;
    mt_iternext_fun_t iternext;
    mt_buffer_fun_t buffer;
    /* methods and class attributes: a const map for built-in types, the class __dict__'s map
     * (mt_dict_t) for heap types */
    const mt_map_t *locals;
    /* the base: a built-in type's single parent (or NULL = object); for heap types see bases */
    const mt_type_t *parent;
    /* heap types only: tuple of bases and the C3 MRO tuple (MT_NULL for built-in types) */
    mt_obj_t bases;
    mt_obj_t mro;
};

/* ---------------------------------------------------------------------------------------------
 * Type objects of the core (defined in core/types/ *.c and core/runtime.c).
 * ------------------------------------------------------------------------------------------- */
extern const mt_type_t mt_type_type, mt_type_object, mt_type_NoneType, mt_type_bool, mt_type_int,
    mt_type_float, mt_type_complex, mt_type_str, mt_type_bytes, mt_type_bytearray,
    mt_type_memoryview, mt_type_tuple, mt_type_list, mt_type_dict, mt_type_set, mt_type_frozenset,
    mt_type_range, mt_type_slice, mt_type_module, mt_type_function, mt_type_code,
    mt_type_bound_method, mt_type_closure, mt_type_generator, mt_type_cell, mt_type_property,
    mt_type_staticmethod, mt_type_classmethod, mt_type_super, mt_type_NotImplementedType,
    mt_type_ellipsis, mt_type_fun_builtin, mt_type_enumerate, mt_type_zip, mt_type_map,
    mt_type_filter, mt_type_reversed, mt_type_dict_view;

/* The exception hierarchy, defined once: X(name, parent). Each becomes a const type
 * mt_type_<name> (core/exc.c) and a builtin name. */
#define MT_EXCEPTION_TYPES(X)                                                                      \
    X(BaseException, object)                                                                       \
    X(SystemExit, BaseException)                                                                   \
    X(KeyboardInterrupt, BaseException)                                                            \
    X(GeneratorExit, BaseException)                                                                \
    X(Exception, BaseException)                                                                    \
    X(StopIteration, Exception)                                                                    \
    X(StopAsyncIteration, Exception)                                                               \
    X(ArithmeticError, Exception)                                                                  \
    X(OverflowError, ArithmeticError)                                                              \
    X(ZeroDivisionError, ArithmeticError)                                                          \
    X(AssertionError, Exception)                                                                   \
    X(AttributeError, Exception)                                                                   \
    X(EOFError, Exception)                                                                         \
    X(ImportError, Exception)                                                                      \
    X(LookupError, Exception)                                                                      \
    X(IndexError, LookupError)                                                                     \
    X(KeyError, LookupError)                                                                       \
    X(MemoryError, Exception)                                                                      \
    X(NameError, Exception)                                                                        \
    X(UnboundLocalError, NameError)                                                                \
    X(OSError, Exception)                                                                          \
    X(RuntimeError, Exception)                                                                     \
    X(NotImplementedError, RuntimeError)                                                           \
    X(RecursionError, RuntimeError)                                                                \
    X(SyntaxError, Exception)                                                                      \
    X(IndentationError, SyntaxError)                                                               \
    X(TypeError, Exception)                                                                        \
    X(ValueError, Exception)                                                                       \
    X(UnicodeError, ValueError)                                                                    \
    X(ModuleNotFoundError, ImportError)

#define X(name, parent) extern const mt_type_t mt_type_##name;
MT_EXCEPTION_TYPES(X)
#undef X

/* ---------------------------------------------------------------------------------------------
 * Built-in functions: const objects wrapping a C function.
 *   kind FIXED: n_args_min == n_args_max in 0..3, called as fun(a, b, c)
 *   kind VAR:   fun(n, args), n in [min, max]
 *   kind KW:    fun(n, args, kw) with kw a map of keyword arguments (or NULL)
 * ------------------------------------------------------------------------------------------- */
typedef mt_obj_t (*mt_fun_0_t)(void);
typedef mt_obj_t (*mt_fun_1_t)(mt_obj_t);
typedef mt_obj_t (*mt_fun_2_t)(mt_obj_t, mt_obj_t);
typedef mt_obj_t (*mt_fun_3_t)(mt_obj_t, mt_obj_t, mt_obj_t);
typedef mt_obj_t (*mt_fun_var_t)(size_t n, const mt_obj_t *args);
typedef mt_obj_t (*mt_fun_kw_t)(size_t n, const mt_obj_t *args, mt_map_t *kw);

typedef struct {
    mt_obj_base_t base; /* &mt_type_fun_builtin */
    uint8_t kind;       /* MT_FUN_KIND_* */
    uint8_t n_args_min;
    uint16_t n_args_max;
    union {
        mt_fun_0_t f0;
        mt_fun_1_t f1;
        mt_fun_2_t f2;
        mt_fun_3_t f3;
        mt_fun_var_t var;
        mt_fun_kw_t kw;
    } fun;
} mt_fun_builtin_t;
enum { MT_FUN_KIND_FIXED, MT_FUN_KIND_VAR, MT_FUN_KIND_KW };
#define MT_FUN_ARGS_MAX 0xffff

#define MT_DEFINE_FUN_0(obj, f)                                                                    \
    const mt_fun_builtin_t obj = {{&mt_type_fun_builtin}, MT_FUN_KIND_FIXED, 0, 0, {.f0 = f}}
#define MT_DEFINE_FUN_1(obj, f)                                                                    \
    const mt_fun_builtin_t obj = {{&mt_type_fun_builtin}, MT_FUN_KIND_FIXED, 1, 1, {.f1 = f}}
#define MT_DEFINE_FUN_2(obj, f)                                                                    \
    const mt_fun_builtin_t obj = {{&mt_type_fun_builtin}, MT_FUN_KIND_FIXED, 2, 2, {.f2 = f}}
#define MT_DEFINE_FUN_3(obj, f)                                                                    \
    const mt_fun_builtin_t obj = {{&mt_type_fun_builtin}, MT_FUN_KIND_FIXED, 3, 3, {.f3 = f}}
#define MT_DEFINE_FUN_VAR(obj, min, max, f)                                                        \
    const mt_fun_builtin_t obj = {{&mt_type_fun_builtin}, MT_FUN_KIND_VAR, min, max, {.var = f}}
#define MT_DEFINE_FUN_KW(obj, min, f)                                                              \
    const mt_fun_builtin_t obj = {                                                                 \
        {&mt_type_fun_builtin}, MT_FUN_KIND_KW, min, MT_FUN_ARGS_MAX, {.kw = f}}

/* Keyword-argument parsing for KW builtins: one spec per parameter, in order. */
typedef struct {
    mt_qstr_t name;
    uint16_t flags; /* MT_ARG_REQUIRED | MT_ARG_KW_ONLY | MT_ARG_POS_ONLY */
    mt_obj_t deflt; /* default (MT_NULL: absent) */
} mt_arg_spec_t;
#define MT_ARG_REQUIRED 1
#define MT_ARG_KW_ONLY  2
#define MT_ARG_POS_ONLY 4
/* Fill out[0..n_spec) from positional args and kw; raises TypeError as CPython would. */
void mt_arg_parse(size_t n, const mt_obj_t *args, mt_map_t *kw, size_t n_spec,
                  const mt_arg_spec_t *spec, mt_obj_t *out);
/* Raise TypeError unless n_min <= n <= n_max (and n_kw == 0 when !takes_kw). */
void mt_arg_check_num(size_t n, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw);

/* ---------------------------------------------------------------------------------------------
 * Core objects whose layout is shared.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    mt_obj_base_t base;
    size_t len;
    mt_obj_t items[];
} mt_tuple_t;

typedef struct {
    mt_obj_base_t base;
    size_t alloc;
    size_t len;
    mt_obj_t *items;
} mt_list_t;

typedef struct {
    mt_obj_base_t base;
    mt_map_t map;
} mt_dict_t;

typedef struct {
    mt_obj_base_t base;
    mt_dict_t *globals; /* the module's __dict__ (a const dict for C modules) */
    /* C modules with state (sys.argv ...): consulted first for loads and for all stores;
     * same protocol as the attr slot. NULL for most. */
    mt_attr_fun_t attr;
} mt_module_t;

/* A heap str. Data is UTF-8 and always followed by a NUL byte (not counted in len).
 * charlen == len means the string is pure ASCII: indexing is O(1). hash 0 = not computed. */
typedef struct {
    mt_obj_base_t base;
    uint32_t hash;
    uint32_t len;
    uint32_t charlen;
    const uint8_t *data;
} mt_str_t;

/* bytes share mt_str_t's layout (charlen unused); bytearray is growable */
typedef struct {
    mt_obj_base_t base;
    size_t alloc;
    size_t len;
    uint8_t *items;
} mt_bytearray_t;

typedef struct {
    mt_obj_base_t base;
    mt_float_t value;
} mt_float_obj_t;

typedef struct {
    mt_obj_base_t base;
    mt_obj_t start, stop, step;
} mt_slice_t;

typedef struct {
    mt_obj_base_t base;
    mt_qstr_t name;
    mt_map_t members; /* instance __dict__ */
    /* for subclasses of built-in types: the native object that carries the base's state */
    mt_obj_t native;
} mt_instance_t;

/* ---------------------------------------------------------------------------------------------
 * The core API. Most of it raises (longjmp) on error; see core/nlr.h.
 * ------------------------------------------------------------------------------------------- */

/* memory (core/gc.c): zeroed blocks in the GC heap; mt_alloc raises MemoryError */
void *mt_alloc(size_t n);
void *mt_alloc_maybe(size_t n);          /* NULL on failure */
void *mt_alloc_with_finaliser(size_t n); /* the object's type must have a __del__ (close) */
void *mt_realloc(void *p, size_t n);     /* keeps contents, zeroes any growth; raises */
void mt_free(void *p);                   /* optional early free of a block known unused */
#define mt_new_obj(T)            ((T *)mt_alloc(sizeof(T)))
#define mt_new_obj_var(T, ET, n) ((T *)mt_alloc(sizeof(T) + sizeof(ET) * (n)))

/* type queries */
const mt_type_t *mt_type_of(mt_obj_t o);
bool mt_isinstance(mt_obj_t o, const mt_type_t *t); /* follows the MRO */
bool mt_issubclass(const mt_type_t *t, const mt_type_t *base);
#define MT_IS_TYPE(o, t) (MT_IS_OBJ(o) && ((mt_obj_base_t *)(o))->type == (t))
bool mt_obj_is_int(mt_obj_t o); /* int or bool (or a subclass) */
bool mt_obj_is_str(mt_obj_t o); /* qstr or str (or a subclass) */
bool mt_obj_is_callable(mt_obj_t o);

/* ints (core/types/int.c); big values are mpz objects (core/types/mpz.c) */
mt_obj_t mt_int_from_ll(long long v);
mt_obj_t mt_int_from_ull(unsigned long long v);
mt_obj_t mt_int_from_float(mt_float_t f); /* truncates; raises on inf/nan */
/* parse an int literal/string: base 0 (prefixes allowed, '_' allowed) or 2..36 */
mt_obj_t mt_int_parse(const char *s, size_t len, int base, bool is_literal);
mt_int_t mt_obj_get_int(mt_obj_t o); /* int/bool -> C; TypeError / OverflowError */
bool mt_obj_get_int_maybe(mt_obj_t o, mt_int_t *out);
long long mt_obj_get_ll(mt_obj_t o);   /* OverflowError if out of range */
mt_int_t mt_obj_get_index(mt_obj_t o); /* via __index__; TypeError otherwise */
/* normalise a sequence index (negative from end); IndexError "<type> index out of range" */
size_t mt_get_index(const mt_type_t *t, size_t len, mt_obj_t index, bool is_slice);

/* floats (core/types/float.c) */
mt_obj_t mt_float_new(mt_float_t f);
mt_float_t mt_obj_get_float(mt_obj_t o); /* int/bool/float; TypeError otherwise */
bool mt_obj_get_float_maybe(mt_obj_t o, mt_float_t *out);
mt_obj_t mt_float_parse(const char *s, size_t len, bool is_literal);
void mt_float_print(const mt_print_t *p, mt_float_t f); /* shortest round-trip repr */
mt_obj_t mt_complex_new(mt_float_t real, mt_float_t imag);

/* strings (core/types/str.c, bytes.c) */
mt_obj_t mt_str_new(const char *s, size_t len);    /* copies; s must be valid UTF-8 */
mt_obj_t mt_str_new_from_vstr(mt_vstr_t *v);       /* takes v's buffer */
mt_obj_t mt_str_intern(const char *s, size_t len); /* returns a qstr object */
const char *mt_str_data(mt_obj_t o, size_t *len);  /* str or qstr (or bytes): its bytes */
const char *mt_obj_str_cstr(mt_obj_t o);           /* str/qstr data, NUL-terminated */
mt_qstr_t mt_obj_str_to_qstr(mt_obj_t o);          /* interns if needed */
mt_obj_t mt_bytes_new(const void *data, size_t len);
mt_obj_t mt_bytes_new_from_vstr(mt_vstr_t *v);
bool mt_get_buffer(mt_obj_t o, mt_buffer_info_t *info, int flags);
void mt_get_buffer_raise(mt_obj_t o, mt_buffer_info_t *info, int flags);
uint32_t mt_hash_bytes(const void *data, size_t len); /* the one hash of str and bytes */

/* tuples, lists, dicts (core/types/) */
mt_obj_t mt_tuple_new(size_t n, const mt_obj_t *items); /* items may be NULL: all MT_NONE */
void mt_tuple_get(mt_obj_t t, size_t *len, mt_obj_t **items);
mt_obj_t mt_list_new(size_t n, const mt_obj_t *items);
void mt_list_append(mt_obj_t list, mt_obj_t item);
void mt_list_get(mt_obj_t l, size_t *len, mt_obj_t **items);
/* items of a tuple or list in place (any other iterable: TypeError) */
void mt_get_array(mt_obj_t o, size_t *len, mt_obj_t **items);
/* tuple, list or any iterable: exactly n items into out (ValueError otherwise) */
void mt_unpack_sequence(mt_obj_t seq, size_t n, mt_obj_t *out);
mt_obj_t mt_dict_new(size_t n);
void mt_dict_store(mt_obj_t d, mt_obj_t key, mt_obj_t value);
mt_obj_t mt_dict_get(mt_obj_t d, mt_obj_t key); /* MT_NULL if absent */
mt_map_t *mt_dict_map(mt_obj_t d);
mt_obj_t mt_set_new(size_t n, const mt_obj_t *items);
void mt_set_add(mt_obj_t set, mt_obj_t item);
mt_obj_t mt_slice_new(mt_obj_t start, mt_obj_t stop, mt_obj_t step);
/* resolve a slice for a sequence of len: start, stop, step as CPython's indices() */
void mt_slice_indices(mt_obj_t slice, mt_int_t len, mt_int_t *start, mt_int_t *stop,
                      mt_int_t *step);

/* runtime (core/runtime.c): the operations the VM and builtins share */
mt_obj_t mt_call(mt_obj_t fun, size_t n_args, size_t n_kw, const mt_obj_t *args);
mt_obj_t mt_call0(mt_obj_t fun);
mt_obj_t mt_call1(mt_obj_t fun, mt_obj_t a);
mt_obj_t mt_call2(mt_obj_t fun, mt_obj_t a, mt_obj_t b);
/* call a method found by mt_load_method: args[0]=fun, args[1]=self or MT_NULL, then args */
mt_obj_t mt_call_method(size_t n_args, size_t n_kw, const mt_obj_t *args);
mt_obj_t mt_load_attr(mt_obj_t o, mt_qstr_t attr);       /* AttributeError if absent */
mt_obj_t mt_load_attr_maybe(mt_obj_t o, mt_qstr_t attr); /* MT_NULL if absent */
void mt_store_attr(mt_obj_t o, mt_qstr_t attr, mt_obj_t value);
void mt_delete_attr(mt_obj_t o, mt_qstr_t attr);
void mt_load_method(mt_obj_t o, mt_qstr_t attr, mt_obj_t dest[2]); /* AttributeError */
bool mt_load_method_maybe(mt_obj_t o, mt_qstr_t attr, mt_obj_t dest[2]);
mt_obj_t mt_unary_op(mt_unop_t op, mt_obj_t o);
mt_obj_t mt_binary_op(mt_binop_t op, mt_obj_t lhs, mt_obj_t rhs);
bool mt_is_true(mt_obj_t o);
bool mt_equal(mt_obj_t a, mt_obj_t b);
mt_int_t mt_hash(mt_obj_t o); /* TypeError if unhashable */
size_t mt_len(mt_obj_t o);
mt_obj_t mt_len_maybe(mt_obj_t o);                              /* MT_NULL if no len */
mt_obj_t mt_subscr(mt_obj_t o, mt_obj_t index, mt_obj_t value); /* as the slot; raises */
mt_obj_t mt_getiter(mt_obj_t o, mt_iter_buf_t *buf);
mt_obj_t mt_iternext(mt_obj_t it); /* MT_NULL at the end */
void mt_print_obj(const mt_print_t *p, mt_obj_t o, mt_print_kind_t kind);
mt_obj_t mt_obj_repr(mt_obj_t o); /* repr() as a str object */
mt_obj_t mt_obj_str(mt_obj_t o);  /* str() as a str object */
mt_obj_t mt_import_name(mt_qstr_t name, mt_obj_t fromlist, int level);
mt_obj_t mt_import_from(mt_obj_t module, mt_qstr_t name);
void mt_import_all(mt_obj_t module, mt_map_t *dest);
/* the builtins module's lookup (core/builtins.c); MT_NULL if absent */
mt_obj_t mt_builtin_lookup(mt_qstr_t name);
void mt_stack_check(void); /* RuntimeError when the C stack budget is exhausted */

/* exceptions (core/exc.c); raising functions never return */
MT_NORETURN void mt_raise(mt_obj_t exc_or_type);
MT_NORETURN void mt_raise_msg(const mt_type_t *t, const char *msg);
MT_NORETURN void mt_raise_fmt(const mt_type_t *t, const char *fmt, ...);
MT_NORETURN void mt_raise_type_error(const char *msg);
MT_NORETURN void mt_raise_value_error(const char *msg);
MT_NORETURN void mt_raise_oserror(int errno_value);
MT_NORETURN void mt_raise_stop_iteration(mt_obj_t value);
MT_NORETURN void mt_raise_memory_error(void); /* uses a preallocated instance */
mt_obj_t mt_exc_new(const mt_type_t *t, size_t n_args, const mt_obj_t *args);
mt_obj_t mt_exc_new_msg(const mt_type_t *t, const char *msg);
bool mt_exc_match(mt_obj_t exc, mt_obj_t type_or_tuple);
bool mt_obj_is_exception_instance(mt_obj_t o);
bool mt_obj_is_exception_type(mt_obj_t o);
mt_obj_t mt_exc_get_value(mt_obj_t exc); /* StopIteration.value */
/* append one traceback entry (file, line, function name) to an exception */
void mt_exc_add_traceback(mt_obj_t exc, mt_qstr_t file, size_t line, mt_qstr_t block);
/* print "Traceback (most recent call last):" ... "Type: msg", with chained causes */
void mt_exc_print_traceback(const mt_print_t *p, mt_obj_t exc);

#include "qstr.h"

#endif
