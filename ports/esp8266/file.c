/* Files on the chip. The firmware has no file system yet (fs/ will bring the VFS over the
 * flash), so open() finds nothing: OSError(ENOENT), as for a missing file. */
#include "obj.h"
#include "mterrno.h"

#define X(name, number, q) ERR_##name = number,
enum { MT_ERRNO_LIST(X) };
#undef X

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw);

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_raise_oserror(ERR_ENOENT);
}
