/* Host (unix) port configuration: overrides of core/config.h defaults. */
#define MT_CONFIG_PLATFORM "linux"

/* modules only this port has (see core/modules.h) */
#define MT_PORT_MODULES(X)                                                                         \
    X(MT_QSTR_os, mt_module_os)                                                                    \
    X(MT_QSTR_select, mt_module_select) X(MT_QSTR_vfstest, mt_module_vfstest)

/* the board's os module (fs/modos_vfs.c) also has os.uname() (machine/uname.c) */
#define MT_OS_VFS_PORT_ENTRIES(X) X(MT_QSTR_uname, mt_board_os_uname_obj)
