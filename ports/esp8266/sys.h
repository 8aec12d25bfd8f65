/* The lx106 bare-metal layer (sys.c): semihosting console and the C stack's bounds. */
#ifndef MT_ESP8266_SYS_H
#define MT_ESP8266_SYS_H

#include <stdbool.h>
#include <stddef.h>

char *sys_stack_top(void);
size_t sys_stack_size(void);
size_t sys_stack_used(void);     /* deepest use so far (bytes), from the paint left */
bool sys_stack_overflowed(void); /* the stack ran into .bss */
size_t sys_dram_static(void);    /* bytes of DRAM used by .data + .bss */

#endif
