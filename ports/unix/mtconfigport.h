/* Host (unix) port configuration: overrides of core/config.h defaults. */
#define MT_CONFIG_PLATFORM "linux"

/* modules only this port has (see core/modules.h) */
#define MT_PORT_MODULES(X)                                                                         \
    X(MT_QSTR_os, mt_module_os)                                                                    \
    X(MT_QSTR_select, mt_module_select) X(MT_QSTR_vfstest, mt_module_vfstest)
