/* open() on the chip: the board's file system (fs/vfs.c over the flash) once the board runs;
 * in program mode (main.c --run) there are no files: OSError(ENOENT), as for a missing file. */
#include "obj.h"
#include "esp8266.h"
#include "mterrno.h"
#include "vfs.h"

#define X(name, number, q) ERR_##name = number,
enum { MT_ERRNO_LIST(X) };
#undef X

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw);

mt_obj_t mt_builtin_open(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    if (mt_esp_board_mode()) return mt_vfs_open(n, args, kw);
    mt_raise_oserror(ERR_ENOENT);
}
