/* errno: the constants of core/mterrno.h and errorcode, the dict from number to name. */
#include "mterrno.h"
#include "obj.h"

const char *mt_errno_name(int err) {
    switch (err) {
#define X(name, num, q)                                                                            \
    case num: return #name;
        MT_ERRNO_LIST(X)
#undef X
    default: return NULL;
    }
}

static const mt_map_elem_t errorcode_table[] = {
#define X(name, num, q) {MT_ROM_INT(num), MT_ROM_QSTR(q)},
    MT_ERRNO_LIST(X)
#undef X
};
static MT_DEFINE_CONST_DICT(errorcode_dict, errorcode_table);

static const mt_map_elem_t errno_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_errno)},
    {MT_ROM_QSTR(MT_QSTR_errorcode), MT_ROM_PTR(&errorcode_dict)},
#define X(name, num, q) {MT_ROM_QSTR(q), MT_ROM_INT(num)},
    MT_ERRNO_LIST(X)
#undef X
};
MT_DEFINE_MODULE(mt_module_errno, errno_table);
