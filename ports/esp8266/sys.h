/* The lx106 bare-metal layer (sys.c): semihosting console and the C stack's bounds. */
#ifndef MT_ESP8266_SYS_H
#define MT_ESP8266_SYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

char *sys_stack_top(void);
size_t sys_stack_size(void);
size_t sys_stack_used(void);     /* deepest use so far (bytes), from the paint left */
bool sys_stack_overflowed(void); /* the stack ran into .bss */
size_t sys_dram_static(void);    /* bytes of DRAM used by .data + .bss */

/* Read what the console holds, without waiting: the bytes read (at most n), 0 if none,
 * -1 at its end (QEMU's stdin closed). */
int sys_console_poll(void *buf, size_t n);
/* Start the tick: hook runs `cycles` CPU cycles from now, in the timer interrupt, and then
 * again as many cycles later as it returns. */
void sys_tick_start(uint32_t cycles, uint32_t (*hook)(void));
/* Sleep until the next interrupt (returns at once if the tick is not running). */
void sys_idle(void);

#endif
