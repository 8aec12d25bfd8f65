/* The registry of built-in C modules: ONE list, X(name qstr, module object). A module is
 * linked in by adding its line here; `import name` then finds it (core/import.c) without
 * costing RAM. `import uname` falls back to `name` when no module `uname` exists.
 * (Names are written as MT_QSTR_x so the qstr generator sees them.) */
#ifndef MT_MODULES_H
#define MT_MODULES_H

#include "obj.h"

/* modules a port adds (its os, machine ...): defined in the port's mtconfigport.h */
#ifndef MT_PORT_MODULES
#define MT_PORT_MODULES(X)
#endif

#define MT_BUILTIN_MODULES(X)                                                                      \
    X(MT_QSTR_builtins, mt_module_builtins)                                                        \
    X(MT_QSTR_sys, mt_module_sys)                                                                  \
    X(MT_QSTR_gc, mt_module_gc)                                                                    \
    X(MT_QSTR_micropython, mt_module_micropython)                                                  \
    X(MT_QSTR_math, mt_module_math)                                                                \
    X(MT_QSTR_cmath, mt_module_cmath)                                                              \
    X(MT_QSTR_hashlib, mt_module_hashlib)                                                          \
    X(MT_QSTR_binascii, mt_module_binascii)                                                        \
    X(MT_QSTR_struct, mt_module_struct)                                                            \
    X(MT_QSTR_errno, mt_module_errno)                                                              \
    X(MT_QSTR_time, mt_module_time)                                                                \
    X(MT_QSTR_random, mt_module_random)                                                            \
    X(MT_QSTR_heapq, mt_module_heapq)                                                              \
    X(MT_QSTR_json, mt_module_json)                                                                \
    X(MT_QSTR_collections, mt_module_collections)                                                  \
    X(MT_QSTR_io, mt_module_io)                                                                    \
    X(MT_QSTR_array, mt_module_array)                                                              \
    X(MT_QSTR_deflate, mt_module_deflate)                                                          \
    X(MT_QSTR_zlib, mt_module_zlib)                                                                \
    X(MT_QSTR_re, mt_module_re)                                                                    \
    X(MT_QSTR_uctypes, mt_module_uctypes)                                                          \
    MT_PORT_MODULES(X)

#define X(q, obj) extern const mt_module_t obj;
MT_BUILTIN_MODULES(X)
#undef X

/* modules that a board running in this program puts before the built-in ones (its os,
 * machine, esp ...): a const map of name -> module, or NULL */
extern const mt_map_t *mt_module_overlay;

#endif
