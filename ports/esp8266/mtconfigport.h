/* ESP8266 (lx106) port configuration: overrides of core/config.h defaults.
 *
 * Floats: C double (MT_CONFIG_FLOAT_DOUBLE 1). A float object is a type word plus the value,
 * one 16-byte GC block whether the value is a float or a double, so single precision would
 * save no heap; it would save some flash (smaller soft-float helpers) but print differently
 * from CPython (repr(0.1) etc.). With doubles the chip prints floats exactly as the host. */
#define MT_CONFIG_PLATFORM     "esp8266"
#define MT_CONFIG_HEAP_SIZE    (38 * 1024)
#define MT_CONFIG_FLOAT_DOUBLE 1
/* the compressor's window: 1 KB (about 5 KB of heap while compressing) */
#define MT_CONFIG_DEFLATE_MAX_WBITS 10
/* The C stack is 8 KB (ports/esp8266/esp8266.ld). The recursion check leaves 2 KB below the
 * budget for the work done between two checks (a builtin's frame, printing a traceback). */
#define MT_CONFIG_STACK_LIMIT  (6 * 1024)
#define MT_CONFIG_GC_BLOCK     16
#define MT_CONFIG_REPL_HISTORY 4
/* the board's os module (fs/modos_vfs.c) also has os.uname() (machine/uname.c) */
#define MT_OS_VFS_PORT_ENTRIES(X) X(MT_QSTR_uname, mt_board_os_uname_obj)
