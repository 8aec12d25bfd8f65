/* The board's os module: the file functions of the VFS (fs/vfs.c) and os.VfsFat.
 * A port adds its own members (uname, urandom, dupterm ...) by defining, in its
 * mtconfigport.h, MT_OS_VFS_PORT_ENTRIES(X) as X(MT_QSTR_name, function_object) items: each
 * function_object must be a const mt_fun_builtin_t defined by the port. */
#include "vfs.h"

#ifndef MT_OS_VFS_PORT_ENTRIES
#define MT_OS_VFS_PORT_ENTRIES(X)
#endif

#define X(q, obj) extern const mt_fun_builtin_t obj;
MT_OS_VFS_PORT_ENTRIES(X)
#undef X

static const mt_map_elem_t os_vfs_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_os)},
    {MT_ROM_QSTR(MT_QSTR_sep), MT_ROM_QSTR(MT_QSTR_slash)},
    {MT_ROM_QSTR(MT_QSTR_getcwd), MT_ROM_PTR(&mt_vfs_getcwd_obj)},
    {MT_ROM_QSTR(MT_QSTR_chdir), MT_ROM_PTR(&mt_vfs_chdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_listdir), MT_ROM_PTR(&mt_vfs_listdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_ilistdir), MT_ROM_PTR(&mt_vfs_ilistdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_mkdir), MT_ROM_PTR(&mt_vfs_mkdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_rmdir), MT_ROM_PTR(&mt_vfs_rmdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&mt_vfs_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_unlink), MT_ROM_PTR(&mt_vfs_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_rename), MT_ROM_PTR(&mt_vfs_rename_obj)},
    {MT_ROM_QSTR(MT_QSTR_stat), MT_ROM_PTR(&mt_vfs_stat_obj)},
    {MT_ROM_QSTR(MT_QSTR_statvfs), MT_ROM_PTR(&mt_vfs_statvfs_obj)},
    {MT_ROM_QSTR(MT_QSTR_sync), MT_ROM_PTR(&mt_vfs_sync_obj)},
    {MT_ROM_QSTR(MT_QSTR_mount), MT_ROM_PTR(&mt_vfs_mount_obj)},
    {MT_ROM_QSTR(MT_QSTR_umount), MT_ROM_PTR(&mt_vfs_umount_obj)},
    {MT_ROM_QSTR(MT_QSTR_VfsFat), MT_ROM_PTR(&mt_type_vfs_fat)},
#define X(q, obj) {MT_ROM_QSTR(q), MT_ROM_PTR(&obj)},
    MT_OS_VFS_PORT_ENTRIES(X)
#undef X
};
MT_DEFINE_MODULE(mt_module_os_vfs, os_vfs_table);
