/* Precompiled bytecode files (.mpy): the writer (mote-cross) and the loader (import).
 * The format is documented in docs/bytecode-format.md. */
#ifndef MT_PERSIST_H
#define MT_PERSIST_H

#include "bytecode.h"
#include "obj.h"

#define MT_PERSIST_VERSION 1
/* the small-int width of this build: 63 on 64-bit hosts, 31 on the lx106 */
#define MT_PERSIST_NATIVE_INT_BITS ((int)(sizeof(mt_int_t) * 8 - 1))

/* Serialise the module code object `code` into out (an initialised vstr). Int constants that
 * do not fit a small int of `small_int_bits` are stored as big ints. */
void mt_persist_save(const mt_code_t *code, int small_int_bits, mt_vstr_t *out);

/* Load a .mpy image: the module code object, or ValueError "incompatible .mpy file: ..."
 * naming what is wrong. Never reads outside buf[0..len). */
mt_code_t *mt_persist_load(const uint8_t *buf, size_t len);

/* Import hook (core/import.c): run the .mpy file at `path` in globals (OSError if it cannot
 * be read). */
void mt_persist_exec_file(const char *path, mt_obj_t globals);

/* ---- frozen modules (tools/freeze.py): const code objects linked into the binary -------- */
typedef struct {
    const char *name;
    const mt_code_t *code;
} mt_persist_frozen_t;

/* the generated table, {NULL, NULL}-terminated; persist.c has an empty weak default */
extern const mt_persist_frozen_t mt_persist_frozen_table[];

/* Import hook (core/import.c): the frozen module `name` made and run (in sys.modules while
 * it runs, as a source import), or MT_NULL if no such frozen module. */
mt_obj_t mt_persist_import_frozen(mt_qstr_t name);
#endif
