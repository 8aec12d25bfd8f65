/* Mote's version (sys.version, sys.implementation, `mote --version`), the modules
 * lib/modsys.c, modgc.c and modmicropython.c export (registered in core/modules.h). */
#ifndef MT_MODSYS_H
#define MT_MODSYS_H

#include "obj.h"

/* Mote's own version, and the version of the Python language it follows */
#define MT_VERSION_MAJOR     0
#define MT_VERSION_MINOR     1
#define MT_VERSION_MICRO     0
#define MT_VERSION_STRING    "0.1.0"
#define MT_PY_VERSION_STRING "3.11.0"

/* sys.platform (default MT_CONFIG_PLATFORM; the virtual board sets "esp8266") */
extern const char *mt_sys_platform;

extern const mt_module_t mt_module_sys;
extern const mt_module_t mt_module_gc;
extern const mt_module_t mt_module_micropython;

#endif
